"""The conference week: paragraph status, revisions, facilitators, adoption and positions on the record."""
