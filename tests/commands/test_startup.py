"""The command line imports only what the command being run needs; the shipped schema validators are current."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mergekit import DOC, changed, document
from roots import REPO_ROOT as ROOT

from ccmflow.main import COMMANDS
from ccmflow.read import schemagen

HEAVY = ("pygit2", "rich", "jsonschema", "fastjsonschema", "ruamel", "yaml", "docx", "github")
# What parsing arguments may import from ccmflow: the CLI's modules and two light modules of constants.
PARSING = ("ccmflow.commands", "ccmflow.inputs", "ccmflow.core")


_PROBE = """
import json, sys
from ccmflow.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
finally:
    sys.stderr.write("\\n" + json.dumps(sorted(sys.modules)))
"""


def imported(*argv: str) -> set[str]:
    """The modules a `ccmflow ARGV` process has imported when it ends."""
    # Not measured: coverage, which measures the tests' subprocesses, imports modules of its own (hashlib).
    env = {k: v for k, v in os.environ.items() if k != "COVERAGE_PROCESS_CONFIG"}
    done = subprocess.run([sys.executable, "-c", _PROBE, *argv], cwd=ROOT, capture_output=True, text=True,
                          check=False, env=env)
    return set(json.loads(done.stderr.splitlines()[-1]))


def test_help_imports_no_command_and_no_library() -> None:
    modules = imported("--help")
    assert not {m for m in modules if m.split(".")[0] in HEAVY}
    # The error types the entry point turns into exit codes are imported once the arguments are read, so a usage
    # message makes no record class (msgspec).
    assert {m for m in modules if m.startswith("ccmflow")} <= {"ccmflow", "ccmflow.main"}
    assert "msgspec" not in modules


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_commands_help_imports_only_its_parser(command: str) -> None:
    modules = imported(command, "--help")
    assert not {m for m in modules if m.split(".")[0] in HEAVY}
    library = {m for m in modules if m.startswith("ccmflow.") and m != "ccmflow.main" and not m.startswith(PARSING)}
    assert not library
    assert {"ccmflow.commands.output", "ccmflow.core.model", "ccmflow.core.status"}.isdisjoint(modules)


def test_validating_valid_files_imports_neither_jsonschema_nor_git() -> None:
    modules = imported("validate", "-C", str(ROOT))
    assert "ccmflow.read.validators.document" in modules
    assert {"jsonschema", "fastjsonschema", "pygit2"}.isdisjoint(modules)
    # Nor a digest (OpenSSL's import, about 3 ms): the generated validators compare their schema's text.
    assert "hashlib" not in modules


def test_validating_valid_files_prints_plainly_without_rich() -> None:
    modules = imported("validate", "-C", str(ROOT))
    assert not {m for m in modules if m.split(".")[0] == "rich"}
    assert "ccmflow.compare.diff" not in modules


def test_a_clean_merge_with_no_status_record_imports_no_status_rules_and_no_git_library(tmp_path: Path) -> None:
    for name, text in (("O", document()), ("A", document(changed("p001", "Ours."))),
                       ("B", document(changed("p004", "Theirs.")))):
        (tmp_path / name).write_text(text, "utf-8")
    done = subprocess.run([sys.executable, "-c", _PROBE, "merge-driver", "O", "A", "B", DOC], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    modules = set(json.loads(done.stderr.splitlines()[-1]))
    assert "Ours." in (tmp_path / "A").read_text("utf-8") and "Theirs." in (tmp_path / "A").read_text("utf-8")
    assert "ccmflow.read.validators.document" in modules
    # (decimal is not in the list: msgspec, which every record needs, imports it.)
    assert {"pygit2", "jsonschema", "fastjsonschema", "ccmflow.core.agreement",
            "ccmflow.compare.protect"}.isdisjoint(modules)


@pytest.mark.parametrize("name", schemagen.SCHEMAS)
def test_the_shipped_validators_are_what_the_generator_writes(name: str) -> None:
    shipped = (ROOT / "ccmflow" / "read" / "validators" / f"{name}.py").read_text("utf-8")
    assert shipped == schemagen.generate(name), "run: python -m ccmflow.read.schemagen"


def test_the_console_script_is_main_with_the_collector_run_less_often() -> None:
    # In a process of its own, as the console script runs: the setting is the process's, not the test's.
    probe = ("import gc, sys\nfrom ccmflow.main import console\nsys.argv = ['ccmflow', 'new-id', '-n', '2']\n"
             "code = console()\nprint(code, gc.get_threshold()[0], gc.get_freeze_count())")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    *ids, code, threshold, frozen = done.stdout.split()
    assert len(ids) == 2 and all(i.startswith("p") for i in ids) and code == "0"
    assert int(threshold) >= 10_000  # Python's default is 700
    assert int(frozen) > 10_000  # what the command built, out of the collections of Python's teardown
