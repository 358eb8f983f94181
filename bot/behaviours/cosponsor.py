"""/ccmflow co-sponsor: a delegation's consent to be named on an input, said by one of its registered accounts.

An input names the delegations it speaks for in its records' `on_behalf_of`; the others than the author's are
proposed until one of their accounts confirms. The consent is recorded in the input's state (GitHub's time of
the comment, the account's numeric id), re-checked against the base registry at every use, and the input is
triaged again. Anyone else is answered once, politely, and nothing is recorded.
"""

from __future__ import annotations

from functools import reduce

from ccmflow.core.escape import code, escape
from ccmflow.core.model import Registry
from ccmflow.core.submissions import SubmissionLog
from ccmflow.repo import prinput

from .. import consent
from ..client import GitHubNotFound
from ..context import Context
from ..events import CommandWord
from ..replies import not_a_pull_request, reply
from ..router import Command, Result, Router, handled, ignored
from ..triaging import triage_command


def register(router: Router) -> None:
    router.command(CommandWord.CO_SPONSOR, co_sponsor)


def co_sponsor(ctx: Context, command: Command) -> Result:
    if not command.on_pull_request:
        return not_a_pull_request(ctx, command)
    try:
        pull = ctx.client.get_pull(command.number)
    except GitHubNotFound:
        return not_a_pull_request(ctx, command)
    if prinput.ensure_heads(ctx.store, {pull.number: pull.head_sha}, ctx.settings.token):
        return ignored(f"#{pull.number}: its head {pull.head_sha[:7]} is no longer in the repository; say "
                       "'/ccmflow co-sponsor' again once its new head is triaged")
    named = consent.named(prinput.read_pull(ctx.store, ctx.base_commit(), pull.head_sha))
    registry = ctx.base().registry
    given = consent.confirmations(registry, user_id=command.user_id, login=command.login, at=command.created_at,
                                  delegations=named)
    if not given:
        return _refuse(ctx, command, registry, named)

    def confirm(log: SubmissionLog) -> SubmissionLog:
        return reduce(SubmissionLog.confirm, given, log)

    outcome = triage_command(ctx, command, confirm)
    delegations = ", ".join(c.delegation for c in given)
    return handled(f"#{command.number}: @{command.login} confirmed {delegations} as co-sponsor; {outcome.text}",
                   wrote=outcome.wrote)


def _refuse(ctx: Context, command: Command, registry: Registry, named: frozenset[str]) -> Result:
    """One polite answer: the account speaks for none of the delegations the input names (or it names none)."""
    if not reply(ctx, command, refusal(command.login, command.user_id, registry, named)):
        return ignored(f"#{command.number}: '/ccmflow co-sponsor' from @{command.login} was already answered")
    return handled(f"#{command.number}: refused '/ccmflow co-sponsor' from @{command.login} (account "
                   f"{command.user_id} is registered for no delegation the input names)")


def refusal(login: str, user_id: int, registry: Registry, named: frozenset[str]) -> str:
    who = escape("@" + login, 60)
    command = code("/ccmflow co-sponsor", 40)
    if not named:
        return (f"Thank you, {who}. {command} confirms that your delegation joins an input made on its behalf, and "
                "this input names no delegation on whose behalf it is made, so there is nothing to confirm.")
    names = ", ".join(escape(s.name, 120) for d in sorted(named) if (s := registry.get(d)) is not None)
    return (f"Thank you, {who}. {command} confirms that your delegation joins this input, which is made on behalf "
            f"of {names or 'delegations not in the registry'}. Your account ({code(str(user_id), 20)}) is not "
            "registered for any of them in the stakeholder registry, so nothing was recorded. A delegation's "
            "consent is given from one of its own registered accounts; if yours should be one, please contact "
            "the Presidency.")
