"""Fixtures shared by every test module."""

from fakegithub import FakeGitHub, fake_github

__all__ = ["FakeGitHub", "fake_github"]
