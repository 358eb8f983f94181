"""Pure records and vocabulary every layer shares: documents, timeline, registry, findings, timing, the log, labels."""
