"""Categories of stakeholder: the registry's ids and the names people read ("state-party" is a State Party)."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """The registry's categories (documents/schemas/stakeholders.schema.json lists the same ids), plus the two
    an author outside the registry is shown under."""

    STATE_PARTY = "state-party"
    SIGNATORY_STATE = "signatory-state"
    OBSERVER_STATE = "observer-state"
    INTERNATIONAL_ORGANISATION = "international-organisation"
    CIVIL_SOCIETY = "civil-society"
    PRESIDENCY = "presidency"
    IMPLEMENTATION_SUPPORT_UNIT = "implementation-support-unit"
    UNREGISTERED = "unregistered"  # a GitHub account the registry does not list
    UNVERIFIED = "unverified"  # a ref the inputs ledger does not know: the author is the commit's

    @property
    def label(self) -> str:
        """The category as people read it."""
        return _LABELS[self]


_LABELS = {Category.STATE_PARTY: "State Party", Category.SIGNATORY_STATE: "Signatory State",
           Category.OBSERVER_STATE: "Observer State",
           Category.INTERNATIONAL_ORGANISATION: "International organisation",
           Category.CIVIL_SOCIETY: "Civil society", Category.PRESIDENCY: "Presidency",
           Category.IMPLEMENTATION_SUPPORT_UNIT: "Implementation Support Unit",
           Category.UNREGISTERED: "Unregistered", Category.UNVERIFIED: "Unverified"}

OUTSIDE_REGISTRY = frozenset({Category.UNREGISTERED, Category.UNVERIFIED})


def category_label(category: str) -> str:
    """The name people read for a category id; an id this version does not know, made readable."""
    try:
        return Category(category).label
    except ValueError:
        return category.replace("-", " ").capitalize()
