"""``python -m minutes.cli``: the same as the ``minutes`` command."""
from minutes.cli import cli

cli()
