"""Word (.docx) output and input: documents, compilation texts and redlines as circulated; edited copies read back."""
