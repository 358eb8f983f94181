"""A window's inputs: freeze at the deadline, collect (git facts, then judgement), summary, compilation text."""
