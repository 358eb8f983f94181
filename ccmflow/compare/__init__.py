"""Two or three versions of a document compared: structural diff, fast patch path, merge, conflict markers, redline."""
