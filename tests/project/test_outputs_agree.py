"""Every output states the same facts of every input: credit, receipt, verdict, kind and justification.

Inputs come by every channel (a delegation's pull request, the issue form, an e-mail the support unit enters with
or without an attested time, a marked-up Word file), of every kind (amendment, insertion, deletion, remark, joint,
several changes) and timing (early, on time, late, late and accepted, e-mailed on time and entered late, on time
and then pushed again after the deadline). Each is taken through triage, the summary, the compilation text, the
freeze, the consolidation and its register, the trace, the Word redline and the site, before the window is frozen
and after, and what each output says is read back from the output and held against what the input is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from inputkit import Process
from msgspec.structs import replace
from outputkit import (
    Outputs,
    Seen,
    comment,
    compilation_docx,
    compilation_html,
    compilation_markdown,
    manifest,
    norm,
    redline_docx,
    register,
    site_inputs,
    site_register,
    summary_json,
    summary_markdown,
    trace,
    when,
)
from scenariokit import AFTER_FREEZE, BEFORE_FREEZE, DOCUMENT, Case, Expect, Scenario, When, build, matrix

from ccmflow.consolidation.consolidate import consolidate
from ccmflow.consolidation.trace import concordance
from ccmflow.core.inputfile import InputKind
from ccmflow.core.status import Verdict
from ccmflow.inputs.collect import collect
from ccmflow.inputs.compile import compile_inputs, render_html, render_markdown
from ccmflow.inputs.freeze import freeze
from ccmflow.inputs.summary import build as build_summary
from ccmflow.inputs.summary_render import markdown
from ccmflow.main import main
from ccmflow.repo import prinput
from ccmflow.repo.ledger import read_ledger, read_manifest
from ccmflow.site.build import build_site
from ccmflow.triage.decide import PullFacts, decide
from ccmflow.word.compile import compilation_docx as make_compilation_docx

WINDOW = "review-zero-draft-input"
ZONE = "Europe/Zurich"


def _names(scenario: Scenario) -> dict[str, str]:
    return {s.id: s.name for s in scenario.proc.store.require("HEAD").registry.stakeholders}


def _triage(scenario: Scenario, at: datetime, outputs: Outputs) -> None:
    proc = scenario.proc
    store = proc.store
    workspace = store.require("HEAD")
    base = store.commit("HEAD").id
    for entry in read_ledger(proc.store).inputs:
        head = entry.log.receipt(entry.head_sha)
        assert head is not None
        content = prinput.read_pull(store, base, entry.head_sha)
        facts = PullFacts(number=entry.number, author_id=entry.author_id, author_login=entry.author_login,
                          head_sha=entry.head_sha, received=head.received, source=head.source,
                          created=entry.created_at, title=entry.title, body=entry.body)
        decision = decide(workspace, content, facts, entry.log, at, prinput.pull_reader(store, base))
        comment(outputs, f"pr-{entry.number}", decision.body)


def observe(scenario: Scenario, at: datetime, tmp: Path, *, site: bool = True) -> Outputs:
    """Every output of the window as of `at`, read back."""
    proc = scenario.proc
    store = proc.store
    names = _names(scenario)
    outputs = Outputs()
    _triage(scenario, at, outputs)
    collected = collect(store, DOCUMENT, window_id=WINDOW, now=at)
    summary = build_summary(collected)
    summary_json(outputs, json.loads(json.dumps(summary.as_json())))
    summary_markdown(outputs, markdown(summary))
    compiled = compile_inputs(collected)
    compilation_markdown(outputs, render_markdown(compiled))
    compilation_html(outputs, render_html(compiled))
    compilation_docx(outputs, make_compilation_docx(compiled))
    frozen = read_manifest(proc.store, WINDOW)
    if frozen is not None:
        manifest(outputs, frozen.as_json(), names)
    taken = [f"pr-{n}" for n, b in scenario.built.items() if b.expect.verdict != Verdict.LATE
             and b.case.kind != "remark"]
    branch = f"consolidate/{DOCUMENT}/{at:%m%d%H%M}"
    made = consolidate(store, DOCUMENT, taken, window=WINDOW, skip_conflicts=True, now=at, branch=branch)
    register(outputs, made.register.inputs, names)
    main_head = proc.repo.head.target
    proc.repo.set_head(f"refs/heads/{branch}")
    try:
        rows = concordance(store, DOCUMENT).rows
        trace(outputs, rows)
        out = tmp / f"redline-{at:%m%d}.docx"
        assert main(["diff", DOCUMENT, str(proc.base), branch, "--format", "docx", "-o", str(out),
                     "-C", str(proc.path)]) == 0
        redline_docx(outputs, out, {r.paragraph_id: r.inputs[0] for r in rows if len(r.inputs) == 1})
        if site:
            built = tmp / f"site-{at:%m%d}"
            build_site(store, built, branch, at)
            site_inputs(outputs, (built / "inputs" / f"{DOCUMENT}.html").read_text("utf-8"))
            page = next((built / "versions" / DOCUMENT).glob("*.html"))
            pages = [p.read_text("utf-8") for p in sorted((built / "versions" / DOCUMENT).glob("*.html"))]
            assert page is not None
            for text in pages:
                site_register(outputs, text)
    finally:
        proc.repo.set_head("refs/heads/main")
        assert proc.repo.head.target == main_head
    return outputs


def _received(output: str, expect: Expect, seen: Seen) -> str:
    """The expected receipt, written as `output` writes it."""
    if output in ("register", "freeze manifest"):
        return expect.received.astimezone(UTC).isoformat()
    if output == "redline (Word)":
        return f"{expect.received.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"
    if output in ("summary (JSON)", "site (inputs)") and expect.attested:
        return norm(when(expect.received, ZONE, attested_by="e-mail"))
    return norm(when(expect.received, ZONE))


def _reasons(expect: Expect, output: str) -> set[str]:
    if output.startswith("compilation") and expect.reasons:
        return {norm(r) for r in expect.reasons}
    return {norm(expect.justification)}


def check(scenario: Scenario, outputs: Outputs, names: Mapping[str, str], *, frozen: bool) -> list[str]:
    """Every disagreement between an output and what an input is, one line each."""
    wrong: list[str] = []
    by_name = {f"pr-{n}": b for n, b in scenario.built.items()}
    for output, found in outputs.seen.items():
        if output.startswith("compilation"):
            wrong += _check_compilation(scenario, output, found, names)
            continue
        for name, seen in found.items():
            built = by_name[name]
            expect = built.expect
            label = f"{output}: {name} ({built.case.label})"
            credit = tuple(names[d] for d in expect.credit)
            if seen.credit is not None and seen.credit != credit:
                wrong.append(f"{label}: credits {seen.credit}, not {credit}")
            if seen.verdict is not None and seen.verdict != expect.verdict:
                wrong.append(f"{label}: says {seen.verdict}, not {expect.verdict}")
            if seen.received is not None and norm(seen.received) != _received(output, expect, seen):
                wrong.append(f"{label}: received {seen.received!r}, not {_received(output, expect, seen)!r}")
            if seen.kinds is not None and seen.kinds != expect.kinds:
                wrong.append(f"{label}: asks {sorted(seen.kinds)}, not {sorted(expect.kinds)}")
            if seen.justification is not None and seen.justification != _reasons(expect, output):
                wrong.append(f"{label}: justified {seen.justification}, not {_reasons(expect, output)}")
    wrong += _coverage(scenario, outputs, frozen)
    return wrong


def _check_compilation(scenario: Scenario, output: str, found: Mapping[str, Seen],
                       names: Mapping[str, str]) -> list[str]:
    """The compilation text attributes proposals to sponsors: per sponsor, the kinds and reasons of its inputs."""
    wanted: dict[str, tuple[set[InputKind], set[str]]] = {}
    for built in scenario.built.values():
        sponsor = ", ".join(names[d] for d in built.expect.credit)
        kinds, reasons = wanted.setdefault(sponsor, (set(), set()))
        kinds |= built.expect.kinds
        if InputKind.REMARK not in built.expect.kinds:
            reasons |= _reasons(built.expect, output)
    wrong = []
    for sponsor, seen in found.items():
        if sponsor not in wanted:
            wrong.append(f"{output}: proposals by {sponsor!r}, whom no input credits")
            continue
        kinds, reasons = wanted[sponsor]
        if seen.kinds is not None and not seen.kinds <= kinds:
            wrong.append(f"{output}: {sponsor} proposes {sorted(seen.kinds)}, not within {sorted(kinds)}")
        if seen.justification and not seen.justification <= reasons:
            wrong.append(f"{output}: {sponsor} justified {seen.justification - reasons}")
    missing = set(wanted) - set(found)
    if missing:
        wrong.append(f"{output}: nothing attributed to {sorted(missing)}")
    return wrong


def _coverage(scenario: Scenario, outputs: Outputs, frozen: bool) -> list[str]:
    """The outputs that list every input do list every input; the manifest, every input on time."""
    every = {f"pr-{n}" for n in scenario.built}
    on_time = {f"pr-{n}" for n, b in scenario.built.items() if b.case.when not in (When.LATE, When.ACCEPTED)}
    wrong = []
    for output in ("bot comment", "summary (JSON)", "summary (Markdown)", "register", "site (inputs)",
                   "site (register)"):
        if output in outputs.seen and set(outputs.seen[output]) != every:
            wrong.append(f"{output} lists {sorted(set(outputs.seen[output]) ^ every)} wrongly")
    if frozen and set(outputs.seen.get("freeze manifest", {})) != on_time:
        wrong.append(f"the manifest keeps {sorted(outputs.seen.get('freeze manifest', {}))}, not {sorted(on_time)}")
    return wrong


def _run(tmp: Path, cases: Sequence[Case], *, site: bool) -> tuple[Scenario, list[str]]:
    scenario = build(Process(tmp / "process"), cases)
    names = _names(scenario)
    before = observe(scenario, BEFORE_FREEZE, tmp, site=site)
    wrong = check(scenario, before, names, frozen=False)
    freeze(scenario.proc.store, WINDOW, read_ledger(scenario.proc.store), BEFORE_FREEZE)
    after = observe(scenario, AFTER_FREEZE, tmp, site=site)
    wrong += [f"frozen: {w}" for w in check(scenario, after, names, frozen=True)]
    return scenario, wrong


def test_every_output_agrees_on_every_input_of_the_matrix(tmp_path: Path) -> None:
    cases = matrix()
    scenario, wrong = _run(tmp_path, cases, site=True)
    assert len(scenario.built) == len(cases) > 100
    assert wrong == [], "\n".join(wrong[:40])


@st.composite
def _cases(draw: st.DrawFn) -> list[Case]:
    table = matrix()
    chosen = draw(st.lists(st.sampled_from(table), min_size=2, max_size=6, unique_by=lambda c: c.label))
    return [replace(c, minute=draw(st.integers(0, 400))) for c in chosen]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(cases=_cases())
def test_every_output_agrees_whatever_the_mix(tmp_path_factory: pytest.TempPathFactory, cases: list[Case]) -> None:
    _, wrong = _run(tmp_path_factory.mktemp("mix"), cases, site=False)
    assert wrong == [], "\n".join(wrong[:40])


