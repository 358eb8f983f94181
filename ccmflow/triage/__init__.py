"""One pull request to one decision (pure): labels, commit statuses, and the status comment a delegation reads."""
