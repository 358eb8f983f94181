"""Inputs made outside a pull request: a paragraph named as a delegate names it, the edit, the record."""
