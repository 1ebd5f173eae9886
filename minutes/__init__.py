"""minutes: store meeting minutes in SQLite and track their actions."""
