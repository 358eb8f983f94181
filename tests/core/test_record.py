"""The input record as a freeze manifest keeps it: written once as JSON, read back as it was, or refused (and then
built again by the reader) when it is not a record of this schema."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from msgspec.structs import replace

from ccmflow.core.inputfile import Channel, InputKind
from ccmflow.core.record import Entered, InputChange, InputRecord, Received, record_from_json
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import Acceptance, Source

RECORD = InputRecord(
    name="pr-12", number=12, document="review-document", window="review-zero-draft-input",
    title="Kenya on stockpiles", entered_by=Entered(login="ke-mission-geneva", user_id=47039185, stakeholder="kenya",
                                                    verified=True),
    delegations=("kenya", "mexico"), proposed=("chile",), channel=Channel.EMAIL, reference="E-mail of 4 May 2020",
    changes=(InputChange(kind=InputKind.DELETE, paragraphs=("pabmu3fk",), section="stockpile-destruction",
                         justification="Redundant."),
             InputChange(kind=InputKind.REMARK, section=None, text="Shorter, please.")),
    justification="Kenya's reasons.",
    versions=(Received(sha="a" * 40, received=datetime(2020, 5, 4, 18, 30, tzinfo=UTC), source=Source.ATTESTED),
              Received(sha="b" * 40, received=datetime(2020, 5, 5, 7, 30, tzinfo=UTC), source=Source.EVENT,
                       late=True),
              Received(sha="c" * 40, received=datetime(2020, 5, 5, 10, tzinfo=UTC), source=Source.EVENT, late=True)),
    counted="b" * 40, verdict=Verdict.LATE_ACCEPTED,
    accepted=Acceptance(48213907, "ch-presidency-ccm", datetime(2020, 5, 6, 9, tzinfo=UTC)), note="")


def test_a_record_reads_back_as_it_was_written() -> None:
    again = record_from_json(RECORD.as_json(), frozen=True)
    assert again == replace(RECORD, frozen=True)
    assert again.received == datetime(2020, 5, 5, 7, 30, tzinfo=UTC) and again.source == Source.EVENT
    assert again.later == (RECORD.versions[2],)  # received after the version that counts
    assert again.kinds == (InputKind.DELETE, InputKind.REMARK) and not again.remark_only


@pytest.mark.parametrize(("damage", "message"), [
    (lambda data: {**data, "schema": 1}, "record schema 1 is not 2"),
    (lambda data: {**data, "versions": [{**data["versions"][0], "received": "2020-05-04T18:30:00"}]},
     "'2020-05-04T18:30:00' has no time zone"),
    (lambda data: {**data, "accepted": {**data["accepted"], "at": None}}, "a time is missing"),
])
def test_a_record_of_another_schema_or_with_a_time_without_zone_is_refused(damage: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        record_from_json(damage(RECORD.as_json()))
