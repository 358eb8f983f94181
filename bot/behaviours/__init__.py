"""One module per bot behaviour, each with `register(router)`."""
