"""`ccmflow propose DOC [PARAGRAPH] ...`: an input received outside GitHub, made into a branch and a commit.

  ccmflow propose DOC PARAGRAPH --text FILE           amend a paragraph
  ccmflow propose DOC --after PARAGRAPH --text FILE   insert a new paragraph after one
  ccmflow propose DOC PARAGRAPH --delete              delete a paragraph
  ccmflow propose DOC [PARAGRAPH] --remark FILE       a general remark on the paragraph's section, or on the
                                                      whole document (--section names a section instead)
  ccmflow propose --from-docx FILE                    every change a delegation made in a .docx that
                                                      ccmflow render made: one input, one change per paragraph

PARAGRAPH is written as the delegate names it in the circulated text ('5', 'Action 12') or as an id. Each
--as DELEGATION (repeatable) is credited; whoever enters the input is not. --received attests when the input
arrived (e.g. the e-mail's time): the bot honours it only when the pull request is opened by an account with
the record-input role. The document is edited structurally and documents/inputs/DOC/ID.yaml records the
input; both go into one commit on a new branch (default input/DOC/ID). Nothing is checked out or pushed.

With --from-docx, the file's tracked and untracked edits are read against the version it was rendered from
(its properties name the commit, which must be in the base branch's history): amended paragraphs, new
paragraphs (after the paragraph they follow), deleted ones, and Word comments as the justification of the
paragraph they are on. The branch is built on the base branch's tip, like any other: the edits are merged onto
it by paragraph id, and a paragraph the tip changed too is named, with nothing made. A file that cannot be read
back whole (not made by ccmflow, damaged, text Word does not show, paragraphs whose bookmarks are gone or moved)
is refused with exit status 1 and the paragraphs named, and nothing is made.

An attested time (--received) must be in the past (--at or $CCMFLOW_NOW fix "now") and within the process
(from a month before its first date in process.yaml); it goes with a channel outside GitHub. An input received
outside GitHub without one is entered with a warning: the time its pull request is opened will count.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccmflow.commands.common import add_common
from ccmflow.core.errors import FatalError
from ccmflow.core.inputfile import Channel

if TYPE_CHECKING:
    from datetime import datetime

    from ccmflow.core.model import Workspace
    from ccmflow.propose.build import Built, Proposal
    from ccmflow.repo.store import Store


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "propose", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("doc", nargs="?", metavar="DOC",
                        help="a document id, e.g. lausanne-action-plan (with --from-docx: read from the file)")
    parser.add_argument("paragraph", nargs="?", metavar="PARAGRAPH", help="'5', 'Action 12' or a paragraph id")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--text", type=Path, metavar="FILE", help="the proposed text ('-' reads standard input)")
    what.add_argument("--delete", action="store_true", help="propose deleting PARAGRAPH")
    what.add_argument("--remark", type=Path, metavar="FILE", help="a general remark (no text change)")
    what.add_argument("--from-docx", type=Path, metavar="FILE",
                      help="the changes in a .docx made by ccmflow render and edited in Word (tracked or not)")
    parser.add_argument("--after", metavar="PARAGRAPH", help="with --text: insert a new paragraph after this one")
    parser.add_argument("--section", help="with --remark: the section it is about (id or title)")
    parser.add_argument("--as", dest="delegations", action="append", required=True, metavar="DELEGATION",
                        help="a delegation the input is made for (registry id); repeat for a joint input")
    parser.add_argument("--justification", type=Path, metavar="FILE", help="the justification, from a file")
    parser.add_argument("--received", metavar="INSTANT",
                        help="when it was received, e.g. 2020-05-04T18:30 (conference time unless an offset is given)")
    parser.add_argument("--channel", choices=[str(c) for c in Channel],
                        help="how it came (default: e-mail with --received, else github)")
    parser.add_argument("--reference", metavar="TEXT", help="e.g. the e-mail's subject and date")
    parser.add_argument("--branch", help="the branch to create (default: input/DOC/ID)")
    parser.add_argument("--base", help="the base branch to build on (default: HEAD); with --from-docx, the file's "
                                       "changes are carried onto its tip")
    parser.add_argument("--at", metavar="WHEN", help="the instant taken as now when checking --received (default: "
                                                     "now, or $CCMFLOW_NOW)")
    parser.add_argument("--force", action="store_true", help="replace the branch if it exists")
    parser.add_argument("--position", choices=("explanation", "reservation"),
                        help="with --remark: an explanation of position or a reservation on the adopted document, "
                             "citing PARAGRAPH (and every --cite); it changes no text")
    parser.add_argument("--cite", action="append", default=[], metavar="PARAGRAPH",
                        help="with --position: a further paragraph it is about")
    add_common(parser)
    return parser


def _read(path: Path | None) -> str | None:
    """A file's text; '-' is standard input (text piped in, or pasted)."""
    if path is None:
        return None
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FatalError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:  # e.g. saved as Latin-1 or UTF-16 by a mail client
        line = exc.object[:exc.start].count(b"\n") + 1
        raise FatalError(f"cannot read {path}: line {line} is not UTF-8 text (byte {exc.object[exc.start]:#04x}): "
                         "save the file as UTF-8") from None


def _receipt(args: argparse.Namespace, zone: str) -> tuple[datetime | None, Channel]:
    from ccmflow.core.status import parse_instant

    received = parse_instant(args.received, zone) if args.received else None
    channel = Channel(args.channel) if args.channel else (Channel.EMAIL if received else Channel.GITHUB)
    return received, channel


def _proposal(args: argparse.Namespace, zone: str) -> Proposal:
    from ccmflow.core.inputfile import InputKind, PositionKind
    from ccmflow.propose.build import Proposal

    if not args.doc:
        raise FatalError("name the document (DOC), e.g. ccmflow propose review-document 5 --text FILE --as ...")
    if args.after and (args.paragraph or args.text is None):
        raise FatalError("--after PARAGRAPH goes with --text FILE and no other PARAGRAPH")
    if args.section and args.remark is None:
        raise FatalError("--section goes with --remark")
    if args.position is not None:
        if args.remark is None:
            raise FatalError("--position goes with --remark FILE: the statement")
        kind = InputKind.POSITION
    elif args.remark is not None:
        kind = InputKind.REMARK
    elif args.delete:
        kind = InputKind.DELETE
    else:
        kind = InputKind.INSERT if args.after else InputKind.AMEND
    received, channel = _receipt(args, zone)
    delegations = tuple(dict.fromkeys(d.strip() for d in args.delegations if d.strip()))
    return Proposal(document=args.doc, kind=kind, on_behalf_of=delegations, paragraph=args.after or args.paragraph,
                    text=_read(args.text), remark=_read(args.remark), section=args.section,
                    justification=_read(args.justification), channel=channel, received=received,
                    reference=args.reference, position=PositionKind(args.position) if args.position else None,
                    cites=tuple(c for c in (args.paragraph, *args.cite) if c) if args.position else ())


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.common import parse_when
    from ccmflow.commands.output import console, emit_json, terminal_safe
    from ccmflow.conference.guard import refuse_if_agreed
    from ccmflow.propose.build import ProposalError, build, fresh_input_id
    from ccmflow.propose.receipt import check_receipt
    from ccmflow.repo.branches import commit_on_new_branch
    from ccmflow.repo.store import Store

    store = Store(args.repo)
    base = store.commit(args.base or "HEAD").id
    workspace = store.require(base)
    zone = workspace.process.conference.timezone
    received, channel = _receipt(args, zone)
    try:
        warnings = check_receipt(workspace.process, channel, received, parse_when(args.at, zone))
    except ProposalError as exc:
        raise FatalError(str(exc)) from None
    edited: str | None = None
    try:
        if args.from_docx is not None:
            built, edited = _from_docx(args, store, base, workspace)
        else:
            proposal = _proposal(args, zone)
            document = workspace.document(proposal.document)
            text = store.text(base, document.path) if document is not None else ""
            built = build(workspace, text or "", proposal, fresh_input_id(proposal))
    except ProposalError as exc:
        raise FatalError(str(exc)) from None
    record = built.record
    refuse_if_agreed(store, workspace.document(record.document), built.files)  # agreed text: only after a reopen
    names = [s.name for d in record.on_behalf_of if (s := workspace.registry.get(d)) is not None]
    branch = args.branch or f"input/{record.document}/{record.id}"
    message = _message(built, names, zone)
    sha = commit_on_new_branch(store, base, built.files, message, branch, force=args.force)
    if args.json:
        emit_json({"branch": branch, "commit": sha, "base": base, "edited": edited, "input": record.id,
                   "kind": str(record.kind), "files": sorted(built.files), "on_behalf_of": list(record.on_behalf_of),
                   "summary": built.summary, "warnings": warnings})
        return 0
    err = console(stderr=True)
    for warning in warnings:
        err.print(terminal_safe(f"ccmflow: warning: {warning}"), markup=False)
    lines = [f"✓ {built.summary}, on behalf of {', '.join(names)}",
             f"  branch {branch} ({sha[:12]}): {', '.join(sorted(built.files))}"]
    if edited is not None:
        lines.append(f"  on {args.base or 'HEAD'} ({base[:12]}); the file was made from {edited[:12]}"
                     f"{'' if edited == base else ', its changes carried onto it'}")
    lines.append(f"next: git push origin {branch} and open a pull request from it")
    out = console()
    for line in lines:  # titles and names are people's text ('[provisional] ...'): never read as markup
        out.print(terminal_safe(line), markup=False)
    return 0


def _from_docx(args: argparse.Namespace, store: Store, tip: str, current: Workspace) -> tuple[Built, str]:
    """The file's changes, read against the version it names (one of the base branch's), carried onto the tip."""
    from msgspec.structs import replace

    from ccmflow.core.inputfile import InputKind
    from ccmflow.propose.build import fresh_input_id, with_edits
    from ccmflow.propose.rebase import Clashes, Refused, edited_version, rebase
    from ccmflow.word.read import NotReadable, made_from, open_word, read_changes

    path: Path = args.from_docx
    used = [flag for flag, value in (("PARAGRAPH", args.paragraph), ("--after", args.after),
                                     ("--section", args.section), ("--justification", args.justification)) if value]
    if used:
        raise FatalError(f"--from-docx reads the paragraphs and justifications from the file: leave out "
                         f"{', '.join(used)}")
    try:
        word = open_word(_read_bytes(path))
        made = made_from(word)
    except NotReadable as exc:
        raise Refused(f"{path}: {exc}") from None
    if args.doc and args.doc != made.document:
        raise FatalError(f"{path} is a rendering of '{made.document}', not of '{args.doc}'")
    base_name = f"the base branch ({args.base or 'HEAD'})"
    edited = edited_version(store, made.commit, tip, str(path), base_name)
    before = current if edited == tip else store.require(edited)
    document, now = before.document(made.document), current.document(made.document)
    if document is None or now is None:
        where = f"commit {made.commit[:12]}" if document is None else base_name
        raise Refused(f"{path} is a rendering of '{made.document}', which {where} does not have")
    reading = read_changes(word, document, before.documents)
    if reading.problems:
        listed = "\n".join(f"  - {problem}" for problem in reading.problems)
        raise Refused(f"{path} cannot be read back, so nothing was made:\n{listed}")
    if not reading.edits:
        raise Refused(f"{path} makes no change to {document.short_title()} (as of commit {made.commit[:12]})")
    who = argparse.Namespace(**{**vars(args), "doc": made.document, "remark": None, "delete": False, "text": None})
    template = replace(_proposal(who, current.process.conference.timezone), kind=InputKind.CHANGES)
    proposal = with_edits(template, reading.edits)
    try:
        built = rebase(before, store.text(edited, document.path) or "", current, store.text(tip, now.path) or "",
                       proposal, fresh_input_id(proposal))
    except Clashes as exc:
        listed = "\n".join(f"  - {clash}" for clash in exc.clashes)
        raise Refused(f"{path} was made from commit {made.commit[:12]}, and {base_name} has since changed what it "
                      f"changes, so nothing was made:\n{listed}\nfix: circulate the current version (ccmflow "
                      "render) for the delegation to mark up again, or enter the file's changes one by one with "
                      "ccmflow propose, settling these paragraphs with the delegation") from None
    return built, edited


def _read_bytes(path: Path) -> bytes:
    """The file, read no further than a circulated document can be long."""
    from ccmflow.word.package import FILE_MAX, MIB, NotReadable

    data = bytearray()
    try:
        with path.open("rb") as handle:  # a chunk at a time: read(FILE_MAX) would set aside FILE_MAX at once
            while chunk := handle.read(MIB):
                data += chunk
                if len(data) > FILE_MAX:
                    raise NotReadable(f"the file is over {FILE_MAX // MIB} MiB, more than a circulated document "
                                      "can be: send the document without what was added to it")
    except OSError as exc:
        raise FatalError(f"cannot read {path}: {exc.strerror or exc}") from None
    return bytes(data)


def _message(built: Built, names: list[str], zone: str) -> str:
    from ccmflow.core.status import format_instant

    record = built.record
    lines = [built.summary[:1].upper() + built.summary[1:], "", f"On behalf of: {'; '.join(names)}",
             f"Channel: {record.channel}"]
    if record.received is not None:
        lines.append(f"Received: {format_instant(record.received, zone)}")
    if record.reference:
        lines.append(f"Reference: {record.reference}")
    return "\n".join(lines) + "\n"
