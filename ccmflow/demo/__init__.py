"""`ccmflow demo`: the whole process, offline, on the embedded documents, in a scratch repository."""
