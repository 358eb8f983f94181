"""Who may record a paragraph's status: the Presidency for any paragraph, a facilitator for the sections it
facilitates. Checked by numeric account id against the base branch's registry, never by login."""

from __future__ import annotations

from ccmflow.core.categories import Category
from ccmflow.core.model import Registry, Stakeholder
from ccmflow.core.roles import Role

WHO_MAY_MARK = "the Presidency, and the facilitator of the paragraph's section"


def presidency(stakeholder: Stakeholder | None) -> bool:
    return stakeholder is not None and stakeholder.category == Category.PRESIDENCY


def facilitates(stakeholder: Stakeholder | None, section: str) -> bool:
    return (stakeholder is not None and Role.FACILITATOR in stakeholder.roles
            and section in stakeholder.facilitates)


def may_mark(registry: Registry, user_id: int, section: str) -> bool:
    """Whether the account may set the status of a paragraph of `section`."""
    stakeholder = registry.by_user_id(user_id)
    return presidency(stakeholder) or facilitates(stakeholder, section)
