"""A window's inputs: freeze at the deadline, collect (git facts, then judgement), summary, compilation text."""

# Here, not in collect, so that the command line can show it without importing the library.
DEFAULT_REFS = "refs/pull/*/head"
