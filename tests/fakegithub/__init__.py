"""Local HTTP fake of GitHub's REST API (one repository), checked against GitHub's OpenAPI description.

To offer the ``fake_github`` fixture to every test, ``tests/conftest.py`` must contain these two lines::

    from fakegithub import FakeGitHub, fake_github
    __all__ = ["FakeGitHub", "fake_github"]
"""

from .api import ApiError
from .fixture import fake_github, fake_github_fixture, serve_checked
from .seeding import fake_sha
from .server import FakeGitHub, Request, Response
from .spec import REFERENCE_DIR, SPEC_PATH

__all__ = [
    "REFERENCE_DIR",
    "SPEC_PATH",
    "ApiError",
    "FakeGitHub",
    "Request",
    "Response",
    "fake_github",
    "fake_github_fixture",
    "fake_sha",
    "serve_checked",
]
