"""Records to text: YAML splices that keep unchanged lines, Markdown and HTML renderings, workflow files."""
