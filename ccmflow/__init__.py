"""ccmflow: a Git-backed workflow for drafting a conference's outcome documents."""

__version__ = "0.1.0"
