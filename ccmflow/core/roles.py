"""What a registered account may ask the bot to do: the roles of documents/stakeholders.yaml, defined once."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ACCEPT_LATE = "accept-late"  # the Presidency: accepts late input
    CONSOLIDATE = "consolidate"  # the Presidency and the support unit: merge consolidated versions
    # A member of the Coordination Committee, with which the Presidency prepares the drafts: it follows the
    # inputs closely, so it may refresh the summary and have an input checked again, but decides nothing.
    COORDINATION_COMMITTEE = "coordination-committee"
    # Coordinates a thematic area (the sections under `coordinates`): it may refresh the summary it follows.
    THEMATIC_COORDINATOR = "thematic-coordinator"
    # The support unit's account that enters input received outside GitHub (e-mail) and attests when it came.
    RECORD_INPUT = "record-input"
    # Facilitates the negotiation of the sections under `facilitates` at the conference: records their paragraphs
    # agreed ad referendum, agreed, or reopens them (as the Presidency may for any paragraph).
    FACILITATOR = "facilitator"


# Who may run each command besides `/ccmflow accept-late` (the Presidency's alone), and how a refusal names them.
MAY_RECHECK = (Role.ACCEPT_LATE, Role.CONSOLIDATE, Role.COORDINATION_COMMITTEE)
MAY_RECHECK_WHO = "the Presidency, the Implementation Support Unit and the Coordination Committee"
MAY_ASK_SUMMARY = (*MAY_RECHECK, Role.THEMATIC_COORDINATOR)
MAY_ASK_SUMMARY_WHO = ("the Presidency, the Implementation Support Unit, the Coordination Committee and the "
                       "thematic coordinators")
