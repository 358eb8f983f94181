"""Subcommands of the `ccmflow` CLI, one module each."""
