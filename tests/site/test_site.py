"""`ccmflow site`: what the static site holds, that repository text is always escaped, translations plug in,
and the workflow that publishes it (the pages in a browser: tests/test_site_browser.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pygit2
import pytest
import yaml
from gitutil import commit, instance_files, zero_drafts
from inputkit import ACCOUNTS, Process, utc
from msgspec.structs import replace

from ccmflow.consolidation.consolidate import consolidate
from ccmflow.core.inputfile import InputKind
from ccmflow.core.model import Document, Workspace
from ccmflow.core.submissions import SubmissionLog
from ccmflow.main import main
from ccmflow.propose.build import Proposal
from ccmflow.propose.build import build as build_proposal
from ccmflow.repo.ledger import LedgerEntry
from ccmflow.repo.store import Store
from ccmflow.repo.translationfiles import translations as translation_files
from ccmflow.site.build import build_site
from ccmflow.site.html import h, json_script
from ccmflow.site.languages import LanguageVersion
from ccmflow.write.edit import Editor
from ccmflow.write.workflows import render_workflows

AT = datetime(2020, 5, 10, 10, 0, tzinfo=UTC)
AUGUST = datetime(2020, 8, 10, 10, 0, tzinfo=UTC)  # every document circulated: the Declaration's elements too
HOSTILE = '<img src=x onerror="alert(1)">&</script>'


def _repo(tmp_path: Path, files: dict[str, bytes] | None = None) -> Path:
    zero_drafts(tmp_path / "repo", "review-document", files=files or None)
    return tmp_path / "repo"


def _hostile_files() -> dict[str, bytes]:
    files = instance_files()
    path = "documents/review-document.yaml"
    text = files[path].decode("utf-8")
    text = text.replace("  title: >-\n    Lausanne Review Document:", f"  title: >-\n    {HOSTILE}", 1)
    text = text.replace("The Convention on Cluster Munitions was adopted in Dublin",
                        f"The Convention {HOSTILE} was adopted in Dublin", 1)
    files[path] = text.encode("utf-8")
    return files


def test_escape_is_html_safe() -> None:
    assert h('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#x27;"
    script = json_script("x", {"t": "</script><script>"})
    assert script.count("</script>") == 1 and script.endswith("</script>") and "<script>" not in script[8:]


def test_repository_text_is_escaped_on_every_page(tmp_path: Path) -> None:
    repo_dir = _repo(tmp_path, _hostile_files())
    built = build_site(Store(repo_dir), tmp_path / "site", "HEAD", AT)
    seen = 0
    for page in built.pages:
        text = (built.out / page).read_text("utf-8")
        assert "<img" not in text and "onerror=\"" not in text and HOSTILE not in text, page
        seen += h(HOSTILE) in text or json.dumps(HOSTILE, ensure_ascii=False).replace("<", "\\u003c") in text
    assert seen >= 4  # the document, its versions, trace, the home page's card and the search index


def test_the_site_holds_every_part(tmp_path: Path) -> None:
    built = build_site(Store(_repo(tmp_path)), tmp_path / "site", "HEAD", AT)
    pages = set(built.pages)
    for doc in ("review-document", "lausanne-action-plan", "political-declaration"):
        assert {f"documents/{doc}.html", f"trace/{doc}.html", f"inputs/{doc}.html", f"versions/{doc}.html"} <= pages
    assert "versions/review-document/zero-draft.html" in pages
    home = (built.out / "index.html").read_text("utf-8")
    assert "Written input to the Lausanne Action Plan" in home and "approximate" in home
    assert '<main id="main"' in home and 'class="skip" href="#main"' in home
    inputs = (built.out / "inputs/review-document.html").read_text("utf-8")
    assert "No inputs on this document yet" in inputs and "refs/pull/*/head" in inputs
    document = (built.out / "documents/review-document.html").read_text("utf-8")
    assert 'id="pkp3nvcv"' in document and 'href="../trace/review-document.html#pkp3nvcv"' in document
    assert 'class="languages"' not in document  # English only: no language list
    send = (built.out / "send.html").read_text("utf-8")
    assert ("<p>CCM Implementation Support Unit (ISU) and Presidency team of the Second Review Conference "
            "(Switzerland) enter what they receive as an input, with the time they received it") in send
    index = re.search(r'id="search-index">(.*?)</script>', (built.out / "search.html").read_text("utf-8"))
    # On 10 May only the Review Document had been circulated: the others' texts are not searched yet.
    assert index and len(entries := json.loads(index.group(1))) > 40
    assert {e["u"].split("#")[0] for e in entries} == {"documents/review-document.html"}
    for page in built.pages:
        text = (built.out / page).read_text("utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', text), page  # nothing from elsewhere


def _arabic(store: Store, rev: str, workspace: Workspace, doc: str, english: Document) -> Sequence[LanguageVersion]:
    if doc != "review-document":
        return ()
    section = english.sections[0]
    paragraph = replace(section.paragraphs[0], text="اعتمدت الاتفاقية بشأن الذخائر العنقودية في دبلن")
    translated = replace(english, title="وثيقة لوزان الاستعراضية",
                         sections=(replace(section, paragraphs=(paragraph,)),))
    return (LanguageVersion("ar", "العربية", translated, outdated=True, outdated_note="3 paragraphs changed"),)


def test_a_translation_plugs_in_right_to_left_and_marked_outdated(tmp_path: Path) -> None:
    built = build_site(Store(_repo(tmp_path)), tmp_path / "site", "HEAD", AT, translations=_arabic)
    arabic = (built.out / "documents/review-document.ar.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic and "وثيقة لوزان" in arabic
    assert "This translation is outdated: 3 paragraphs changed" in arabic
    english = (built.out / "documents/review-document.html").read_text("utf-8")
    assert 'href="review-document.ar.html" lang="ar"' in english and "outdated" in english
    assert "documents/review-document.ar.html#" in (built.out / "search.html").read_text("utf-8")


def test_the_repository_translations_are_published_and_marked_when_the_english_moves(tmp_path: Path) -> None:
    repo_dir = _repo(tmp_path)
    built = build_site(Store(repo_dir), tmp_path / "site", "HEAD", AUGUST)
    french = (built.out / "documents/political-declaration.fr.html").read_text("utf-8")
    arabic = (built.out / "documents/political-declaration.ar.html").read_text("utf-8")
    assert '<html lang="fr"' in french and '<html lang="ar" dir="rtl">' in arabic
    assert "changed in English since translated" not in french
    # An English edit of a translated paragraph: the translation stays, marked outdated until it is updated.
    store = Store(repo_dir)
    workspace = store.require("HEAD")
    found, _ = translation_files(workspace, store=store, rev="HEAD")
    covered = next(t for t in found if t.lang == "fr").paragraphs
    document = workspace.documents["political-declaration"]
    paragraph = next(p for _, p in document.walk() if p.id in covered)
    editor = Editor(instance_files()[document.path].decode("utf-8"), document.path)
    editor.set_text(paragraph.id, paragraph.text + " Amended in English.")
    commit(pygit2.Repository(str(repo_dir)), {document.path: editor.text}, "Amend the English")
    again = build_site(Store(repo_dir), tmp_path / "site2", "HEAD", AUGUST)
    french = (again.out / "documents/political-declaration.fr.html").read_text("utf-8")
    assert "1 paragraph changed in English since translated" in french


def test_untranslated_paragraphs_are_marked_english_and_kept_apart_from_outdated_ones(tmp_path: Path) -> None:
    built = build_site(Store(_repo(tmp_path)), tmp_path / "site", "HEAD", AUGUST)
    arabic = (built.out / "documents/political-declaration.ar.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl"' in arabic
    untranslated = re.findall(r'<p class="text" lang="en" dir="ltr">[^<]*<span class="lang-note missing"', arabic)
    assert untranslated and "[not translated yet: the English text]" in arabic
    # Nothing is outdated here: a missing translation is not an outdated one.
    assert "outdated" not in arabic.split('<nav class="languages"', 1)[1].split("</nav>", 1)[0]
    assert 'class="untranslated">' in arabic and "translation outdated" not in arabic


def test_the_command_builds_and_rebuilds_but_never_overwrites_another_folder(tmp_path: Path) -> None:
    repo_dir = _repo(tmp_path)
    out = tmp_path / "out"
    assert main(["site", str(out), "-C", str(repo_dir), "--at", "2020-05-10T12:00", "--json"]) == 0
    assert (out / "index.html").is_file() and (out / "assets/site.js").is_file() and (out / ".nojekyll").exists()
    assert main(["site", str(out), "-C", str(repo_dir), "--at", "2020-05-10T12:00"]) == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    assert main(["site", str(other), "-C", str(repo_dir)]) == 2
    assert sorted(p.name for p in other.iterdir()) == ["keep.txt"]


def test_the_build_instant_sets_the_phase(tmp_path: Path) -> None:
    repo_dir = _repo(tmp_path)
    out = tmp_path / "out"
    assert main(["site", str(out), "-C", str(repo_dir), "--at", "2020-11-24T10:00"]) == 0
    assert "2RC in session" in (out / "index.html").read_text("utf-8")


def test_the_publishing_workflow_is_least_privilege_and_written_by_init(tmp_path: Path) -> None:
    workflow = yaml.safe_load(render_workflows(".")[".github/workflows/ccmflow-site.yml"])
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert workflow["permissions"] == {}
    # The job that reads pull requests' content cannot publish; the one that publishes reads only the artifact.
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"} and deploy["needs"] == "build"
    assert "push" in workflow[True] if True in workflow else "push" in workflow["on"]
    assert "ccmflow site _site --fetch" in [s.get("run", "") for s in build["steps"]]
    assert not any("run" in s for s in deploy["steps"])
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    target = tmp_path / "new"
    assert main(["init", str(target),
                 "--package", "git+https://github.com/example/ccmflow@0123456789abcdef0123456789abcdef01234567"]) == 0
    assert (target / ".github/workflows/ccmflow-site.yml").is_file()
    assert pygit2.Repository(str(target)).head.target is not None


@pytest.mark.parametrize("rev", ["no-such-rev"])
def test_an_unknown_revision_is_a_clear_error(tmp_path: Path, rev: str) -> None:
    assert main(["site", str(tmp_path / "out"), "-C", str(_repo(tmp_path)), "--rev", rev]) == 2


def test_the_home_page_shows_today_s_meeting_its_purpose_and_documents(tmp_path: Path) -> None:
    built = build_site(Store(_repo(tmp_path)), tmp_path / "site", "HEAD", datetime(2020, 6, 8, 8, 0, tzinfo=UTC))
    home = (built.out / "index.html").read_text("utf-8")
    meeting = home[home.index('<li class="m-meeting'):]
    meeting = meeting[:meeting.index("</li>")]
    assert meeting.startswith('<li class="m-meeting today" data-exact=""')
    assert '<span class="marker">today</span>' in meeting and "informal working paper" in meeting
    assert ">Lausanne Action Plan 2021-2025 (Informal working paper)</a>" in meeting
    assert home.count('<span class="marker">next</span>') == 1
    deadline = home[home.index('<li class="m-deadline next"'):]
    assert "Lausanne Action Plan" in deadline[:deadline.index("</li>")]
    meetings = home[home.index('id="meetings-h"'):]
    assert '<p class="purpose">Delegations discuss the consolidated Review Document' in meetings
    # A window whose opening date is not set says when it is expected, and is not open.
    declaration = home[home.index("<th scope=\"row\">Written input to the Political Declaration"):]
    row = declaration[:declaration.index("</tr>")]
    assert "early August 2020 (approximate)" in row and "not yet open" in row


def _timeline(text: str, channels: bool = False) -> str:
    """process.yaml as a smaller secretariat writes it: no e-mail channels (or channels to contacts without an
    account that enters input), meetings that name their document (or, the conference, none) instead of listing
    stages."""
    text = text if channels else text[:text.index("channels:\n")]
    text = re.sub(r"    stakeholder: [a-z-]+\n", "", text)
    first = text.index("  - id: first-preparatory-meeting")
    listed = text.index("    documents:\n", first)
    end = text.index("  - id: action-plan-deadline")
    text = text[:listed] + "    document: review-document\n" + text[end:]
    conference = text.index("  - id: review-conference")
    return text[:text.index("    documents:\n", conference)] + text[text.index("contacts:\n"):]


def test_the_home_and_send_pages_follow_a_timeline_written_without_lists(tmp_path: Path) -> None:
    files = instance_files()
    files["documents/process.yaml"] = _timeline(files["documents/process.yaml"].decode("utf-8")).encode("utf-8")
    built = build_site(Store(_repo(tmp_path, files)), tmp_path / "site", "HEAD",
                       datetime(2021, 1, 11, 9, 0, tzinfo=UTC))
    home = (built.out / "index.html").read_text("utf-8")
    assert '<p class="next-title">No deadline is coming: every announced window has closed.</p>' in home
    meetings = home[home.index('id="meetings-h"'):]
    first = meetings[meetings.index("<h3>First preparatory meeting</h3>"):]
    first = first[:first.index("</li>")]
    assert re.findall(r'href="([^"]+)"', first[first.index("<p>Documents: "):]) == ["documents/review-document.html"]
    conference = meetings[meetings.index("<h3>Second Review Conference, Lausanne</h3>"):]
    listed = conference[conference.index("<p>Documents: "):conference.index("</li>")]
    assert [f"documents/{d}.html" for d in ("review-document", "lausanne-action-plan", "political-declaration")] == \
        re.findall(r'href="([^"]+)"', listed)
    send = (built.out / "send.html").read_text("utf-8")
    assert ("<p>Ask the Implementation Support Unit how to send your input by e-mail; it enters it for you.</p>"
            in send)
    files["documents/process.yaml"] = _timeline(instance_files()["documents/process.yaml"].decode("utf-8"),
                                                channels=True).encode("utf-8")
    built = build_site(Store(_repo(tmp_path / "with-channels", files)), tmp_path / "site2", "HEAD", AT)
    send = (built.out / "send.html").read_text("utf-8")
    assert "E-mail to: " in send and "enter what they receive as an input" not in send  # nobody enters input


def test_co_sponsors_named_without_confirming_are_said_on_the_inputs_and_versions_pages(tmp_path: Path) -> None:
    """Austria names Chile without Chile confirming: the inputs page and the consolidated version's register say
    Chile was proposed, not credited; an invalid input is listed apart; a register that does not read is left
    out of the versions page (ccmflow validate names it)."""
    proc = Process(tmp_path / "process")
    workspace = proc.store.require(str(proc.base))
    made = build_proposal(workspace, proc.text(), Proposal("review-document", InputKind.AMEND, ("austria", "chile"),
                                                           "5", text="Austria's amendment, Chile named."), "in-1")
    sha = str(commit(proc.repo, dict(made.files), "input", branch=None, parents=[proc.base]))
    proc.pull(1, sha)
    user_id, login = ACCOUNTS["austria"]
    proc.records[1] = LedgerEntry(number=1, title="Austria on paragraph 5", body="", author_id=user_id,
                                  author_login=login, created_at=utc(4, 20), state="open", head_sha=sha,
                                  log=SubmissionLog(1).record(sha, utc(4, 20), "pr-created"))
    proc.submit(2, "kenya", proc.text().replace("        kind: narrative\n", "        kind: [\n", 1), utc(4, 21))
    proc.submit(3, "mexico", proc.text().replace("[number] States have", "ten States have", 1), utc(4, 22))
    proc.close(3)
    proc.sync()
    done = consolidate(proc.store, "review-document", ["pr-1"])
    broken = {"documents/dispositions/review-consolidated-input.yaml": b"window: [\n"}
    proc.repo.references["refs/heads/main"].set_target(commit(proc.repo, broken, "a register typed by hand",
                                                              branch=None, parents=[done.commit]))
    built = build_site(proc.store, tmp_path / "site", "HEAD", datetime(2020, 5, 20, 12, 0, tzinfo=UTC))
    inputs = (built.out / "inputs/review-document.html").read_text("utf-8")
    assert "proposed co-sponsors, not confirmed: Chile" in inputs
    assert "<h4>Not valid (kept, left out of the sections)</h4><ul><li>pr-2 (Kenya)" in inputs
    assert "<h4>Notes</h4><ul><li>not shown, closed: pr-3</li></ul>" in inputs
    consolidated = (built.out / "versions/review-document/consolidated.html").read_text("utf-8")
    assert "Austria (proposed co-sponsors, not confirmed: Chile)" in consolidated
