"""The final report of the conference: cover, opening, participation, documents, adoption, annexes, positions."""
