"""Co-sponsorship by consent: which delegations an account confirms on an input, by the one rule.

An input speaks for the delegations its records name in `on_behalf_of`. A delegation other than the author's
is only proposed until one of its registered accounts says `/ccmflow co-sponsor` on the pull request. The
command behaviour and the rebuilding of a lost state (`recovery.replay`) both ask this module, so a consent is
recorded the same way whichever path records it; `SubmissionLog.confirmed` re-checks it at every use.
"""

from __future__ import annotations

from datetime import datetime

from ccmflow.core.model import Registry
from ccmflow.core.submissions import Confirmation
from ccmflow.read.content import PullContent
from ccmflow.read.inputfile import parse_input


def named(content: PullContent) -> frozenset[str]:
    """The delegations the input's records name (registry ids), at its head."""
    found: set[str] = set()
    for file in content.inputs:
        record, _ = parse_input(file)
        if record is not None:
            found.update(record.on_behalf_of)
    return frozenset(found)


def confirmations(registry: Registry, *, user_id: int, login: str, at: datetime,
                  delegations: frozenset[str]) -> tuple[Confirmation, ...]:
    """The consents `/ccmflow co-sponsor` from account `user_id` gives: one per delegation named by the input
    that the base registry gives that account (none: the account speaks for no delegation named)."""
    return tuple(Confirmation(delegation=s.id, by_id=user_id, by_login=login, at=at)
                 for s in registry.stakeholders
                 if s.id in delegations and any(a.id == user_id for a in s.accounts))
