"""The channels as the concept note names them: process.yaml's contacts and channels, checked with file, line and
fix, and the same facts in the issue form, the guide for delegations and the registry."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from roots import REPO_ROOT as ROOT

from ccmflow.core.model import Channel, Contact, Process, Workspace
from ccmflow.core.roles import Role
from ccmflow.read.directory import directory_workspace
from ccmflow.read.load import parse_text
from ccmflow.write.channels import channel_line
from ccmflow.write.workflows import form_channels, form_titles, render_issue_form

PROCESS = "documents/process.yaml"
TEXT = (ROOT / PROCESS).read_text("utf-8")


def test_the_note_s_addresses_and_who_receives_what(ccm_process: Process) -> None:
    contacts = {c.id: c for c in ccm_process.contacts}
    assert (contacts["isu"].address, contacts["isu"].stakeholder) == ("info@cmconvention.org", "isu")
    assert (contacts["presidency-team"].address, contacts["presidency-team"].stakeholder) == (
        "ccm2rc@eda.admin.ch", "switzerland")
    written, early = ccm_process.channels
    assert written.to is contacts["isu"] and written.copy == (contacts["presidency-team"],) and not written.documents
    assert early.to is contacts["presidency-team"] and early.copy == ()
    assert early.documents == ("political-declaration",) and early.until == "declaration-input"
    line = channel_line(written, ccm_process)
    assert "info@cmconvention.org" in line and "copy to: Presidency team" in line and "ccm2rc@eda.admin.ch" in line


def test_the_records_are_immutable_and_built_by_keyword() -> None:
    contact = Contact(id="isu", name="ISU", address="info@example.org")
    with pytest.raises(TypeError):
        Channel("c", "Title", contact)  # type: ignore[misc]
    channel = Channel(id="c", title="Title", to=contact)
    with pytest.raises(AttributeError):  # msgspec: "immutable type"
        channel.title = "Other"  # type: ignore[misc]


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "message", "hint"), [
    ("    to: isu\n", "    to: isu-team\n", "'isu-team' is not a contact of this file",
     "use one of the ids under contacts: isu, presidency-team"),
    ("    copy: [presidency-team]\n", "    copy: [presidency]\n", "'presidency' is not a contact of this file",
     "isu, presidency-team"),
    ("    until: declaration-input\n", "    until: declaration\n", "'declaration' is not a window of this file",
     "declaration-input"),
    ("    address: info@cmconvention.org\n", "    address: info at cmconvention.org\n",
     "'info at cmconvention.org' is not in the expected form", "an e-mail address such as info@cmconvention.org"),
])
def test_a_wrong_channel_is_a_finding_with_file_line_and_fix(old: str, new: str, message: str, hint: str) -> None:
    assert old in TEXT
    broken = TEXT.replace(old, new, 1)
    parsed = parse_text(PROCESS, broken)
    (finding,) = parsed.findings
    assert finding.file == PROCESS and finding.line == line_of(broken, new)
    assert message in finding.message and hint in finding.hint


def test_a_contact_naming_an_unknown_stakeholder_is_a_finding(top: Path) -> None:
    path = top / PROCESS
    broken = TEXT.replace("    stakeholder: switzerland\n", "    stakeholder: swiss-presidency\n", 1)
    path.write_text(broken, "utf-8")
    _, findings = directory_workspace(top)
    (finding,) = findings
    assert finding.line == line_of(broken, "    stakeholder: swiss-presidency")
    assert "unknown stakeholder 'swiss-presidency'" in finding.message and "switzerland" in finding.hint


def test_whoever_receives_input_may_record_it_with_its_time(ccm: Workspace) -> None:
    for contact in ccm.process.contacts:
        stakeholder = ccm.registry.get(contact.stakeholder or "")
        assert stakeholder is not None and Role.RECORD_INPUT in stakeholder.roles, contact.id


def test_the_form_and_the_guide_give_the_same_addresses(ccm_process: Process) -> None:
    form = yaml.safe_load(render_issue_form(form_titles(ROOT), form_channels(ROOT)))
    intro = form["body"][0]["attributes"]["value"]
    for channel in ccm_process.channels:
        assert channel_line(channel, ccm_process) in intro
    guide = (ROOT / "docs" / "delegations.md").read_text("utf-8")
    for contact in ccm_process.contacts:
        assert contact.address in guide and contact.address in intro
    # Without channels in the timeline (a new instance), the form still says what to do.
    bare = yaml.safe_load(render_issue_form(["A document"]))
    assert "ask the Implementation Support Unit" in bare["body"][0]["attributes"]["value"]
