"""The public dashboard: a static site built from the repository (an output layer, never imported by the library)."""
