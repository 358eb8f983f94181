"""What a pull request proposes, as plain records: the paths it changes and the documents on both sides.

`ccmflow.repo.prinput` reads them out of git; `ccmflow.triage` decides on them without loading git at all.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct

from ccmflow.core.errors import Finding
from ccmflow.core.model import Document
from ccmflow.read.load import SourceFile


class PathChange(Struct, frozen=True):
    """One path the pull request changes, with git's file modes on both sides (0 = absent)."""

    path: str
    status: str  # added | deleted | modified | renamed | copied | typechange
    old_mode: int
    new_mode: int
    old_path: str | None = None


class PullContent(Struct, frozen=True):
    """What a pull request proposes: changes from the merge base to its head, and the documents on both sides."""

    head: str
    merge_base: str | None
    changes: tuple[PathChange, ...]
    before: Mapping[str, Document]  # valid documents at the merge base, by id
    after: Mapping[str, Document]  # documents at the head that parse and pass their schema, by id
    findings: tuple[Finding, ...]  # what fails validation at the head, and refused links or submodules
    inputs: tuple[SourceFile, ...] = ()  # input records (documents/inputs/) the PR adds or changes
