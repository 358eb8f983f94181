"""YAML text to checked records: the safe positioned reader, JSON Schemas, records, and the cross-file rules."""
