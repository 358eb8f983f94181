"""The one git boundary (only it imports pygit2): documents at any revision, commits, refs, tags, ledger, fetches."""
