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

With --from-docx, the file's tracked and untracked edits are read against the exact version it was rendered
from (its properties name the commit), which is also the base of the branch: amended paragraphs, new paragraphs
(after the paragraph they follow), deleted ones, and Word comments as the justification of the paragraph they
are on. A file that cannot be read back whole (not made by ccmflow, paragraphs whose bookmarks are gone) is
refused with the paragraphs named, and nothing is made.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccmflow.commands.common import add_common
from ccmflow.core.inputfile import Channel

if TYPE_CHECKING:
    from ccmflow.core.model import Workspace
    from ccmflow.propose.build import Built, Proposal
    from ccmflow.repo.git import Commit
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
    parser.add_argument("--position", choices=("explanation", "reservation"),
                        help="with --remark: an explanation of position or a reservation on the adopted document, "
                             "citing PARAGRAPH (and every --cite); it changes no text")
    parser.add_argument("--cite", action="append", default=[], metavar="PARAGRAPH",
                        help="with --position: a further paragraph it is about")
    parser.add_argument("--as", dest="delegations", action="append", required=True, metavar="DELEGATION",
                        help="a delegation the input is made for (registry id); repeat for a joint input")
    parser.add_argument("--justification", type=Path, metavar="FILE", help="the justification, from a file")
    parser.add_argument("--received", metavar="INSTANT",
                        help="when it was received, e.g. 2020-05-04T18:30 (conference time unless an offset is given)")
    parser.add_argument("--channel", choices=[str(c) for c in Channel],
                        help="how it came (default: e-mail with --received, else github)")
    parser.add_argument("--reference", metavar="TEXT", help="e.g. the e-mail's subject and date")
    parser.add_argument("--branch", help="the branch to create (default: input/DOC/ID)")
    parser.add_argument("--base", help="build on this branch or commit (default: HEAD; with --from-docx: the "
                                       "commit the file was rendered from)")
    parser.add_argument("--force", action="store_true", help="replace the branch if it exists")
    add_common(parser)
    return parser


def _read(path: Path | None) -> str | None:
    from ccmflow.core.errors import FatalError

    if path is None:
        return None
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"cannot read {path}: {exc}") from None


def _proposal(args: argparse.Namespace, zone: str) -> Proposal:
    from ccmflow.core.errors import FatalError
    from ccmflow.core.inputfile import InputKind, PositionKind
    from ccmflow.core.status import parse_instant
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
    received = parse_instant(args.received, zone) if args.received else None
    channel = Channel(args.channel) if args.channel else (Channel.EMAIL if received else Channel.GITHUB)
    delegations = tuple(dict.fromkeys(d.strip() for d in args.delegations if d.strip()))
    return Proposal(document=args.doc, kind=kind, on_behalf_of=delegations, paragraph=args.after or args.paragraph,
                    text=_read(args.text), remark=_read(args.remark), section=args.section,
                    justification=_read(args.justification), channel=channel, received=received,
                    reference=args.reference, position=PositionKind(args.position) if args.position else None,
                    cites=tuple(c for c in (args.paragraph, *args.cite) if c) if args.position else ())


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import console, emit_json, terminal_safe
    from ccmflow.conference.guard import refuse_if_agreed
    from ccmflow.core.errors import FatalError
    from ccmflow.propose.build import ProposalError, build, fresh_input_id
    from ccmflow.repo.branches import commit_on_new_branch
    from ccmflow.repo.store import Store
    from ccmflow.repo.treeedit import blob_text

    store = Store(args.repo)
    if args.from_docx is not None:
        base, workspace, proposal = _from_docx(args, store)
    else:
        base = store.commit(args.base or "HEAD")
        workspace = store.require(base.id)
        proposal = _proposal(args, workspace.process.conference.timezone)
    document = workspace.document(proposal.document)
    text = blob_text(base, document.path) if document is not None else ""
    input_id = fresh_input_id(proposal)
    try:
        built = build(workspace, text or "", proposal, input_id)
    except ProposalError as exc:
        raise FatalError(str(exc)) from None
    refuse_if_agreed(store, document, built.files)  # agreed text changes only after a reopen, on every path
    names = [s.name for d in proposal.on_behalf_of if (s := workspace.registry.get(d)) is not None]
    branch = args.branch or f"input/{proposal.document}/{input_id}"
    message = _message(built, names, workspace.process.conference.timezone)
    sha = commit_on_new_branch(store.repo, base, built.files, message, branch, force=args.force)
    if args.json:
        emit_json({"branch": branch, "commit": sha, "input": built.record.id, "kind": str(built.record.kind),
                   "files": sorted(built.files), "on_behalf_of": list(proposal.on_behalf_of),
                   "summary": built.summary})
        return 0
    out = console()
    out.print(terminal_safe(f"✓ {built.summary}, on behalf of {', '.join(names)}"))
    out.print(terminal_safe(f"  branch {branch} ({sha[:12]}): {', '.join(sorted(built.files))}"))
    out.print(terminal_safe(f"next: git push origin {branch} and open a pull request from it"))
    return 0


def _from_docx(args: argparse.Namespace, store: Store) -> tuple[Commit, Workspace, Proposal]:
    """The file's changes, read against the exact version it names, as one proposal on that version."""
    from dataclasses import replace

    from ccmflow.core.errors import FatalError
    from ccmflow.core.inputfile import InputKind
    from ccmflow.propose.build import with_edits
    from ccmflow.repo.git import exact_commit
    from ccmflow.word.read import NotReadable, made_from, read_changes

    path: Path = args.from_docx
    used = [flag for flag, value in (("PARAGRAPH", args.paragraph), ("--after", args.after),
                                     ("--section", args.section), ("--justification", args.justification),
                                     ("--base", args.base)) if value]
    if used:
        raise FatalError(f"--from-docx reads the paragraphs, justifications and base version from the file: "
                         f"leave out {', '.join(used)}")
    try:
        data = path.read_bytes()
        made = made_from(data)
    except OSError as exc:
        raise FatalError(f"cannot read {path}: {exc}") from None
    except NotReadable as exc:
        raise FatalError(f"{path}: {exc}") from None
    if args.doc and args.doc != made.document:
        raise FatalError(f"{path} is a rendering of '{made.document}', not of '{args.doc}'")
    base = exact_commit(store.repo, made.commit)
    if base is None:
        raise FatalError(f"{path} was rendered from commit {made.commit[:12]}, which this repository does not have: "
                         "fetch it (git fetch), or run this in the repository the file was made from")
    workspace = store.require(base.id)
    document = workspace.document(made.document)
    if document is None:
        raise FatalError(f"{path} is a rendering of '{made.document}', which commit {made.commit[:12]} does not have")
    reading = read_changes(data, document, workspace.documents)
    if reading.problems:
        listed = "\n".join(f"  - {problem}" for problem in reading.problems)
        raise FatalError(f"{path} cannot be read back, so nothing was made:\n{listed}")
    if not reading.edits:
        raise FatalError(f"{path} makes no change to {document.short_title()} (as of commit {made.commit[:12]})")
    who = argparse.Namespace(**{**vars(args), "doc": made.document, "remark": None, "delete": False, "text": None})
    template = replace(_proposal(who, workspace.process.conference.timezone), kind=InputKind.CHANGES)
    return base, workspace, with_edits(template, reading.edits)


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
