"""Versions of a document as git tags `<doc>/<version>`, so people can name versions instead of commits."""

from __future__ import annotations

from ccmflow.repo.store import Store


def version_tag(doc: str, version: str) -> str:
    return f"refs/tags/{doc}/{version}"


def resolve_version_rev(store: Store, doc: str, name: str) -> str:
    """`zero-draft` means the tag review-document/zero-draft when it exists; anything else is a git revision."""
    tag = version_tag(doc, name)
    return tag if tag in store.repo.references else name
