"""Browse the database in Datasette, in this process (needs the ``web`` extra).

    >>> check_address("127.0.0.1", 8001)
    >>> serve("board.db", port=8001)

The metadata (labels, descriptions, canned queries) is
``minutes.output.datasette``'s, written to a temporary file for the run;
``minutes.serve.plugin`` (registered here) makes the pages read as minutes.
"""
from __future__ import annotations

import errno
import importlib.util
import json
import os
import socket
import tempfile

from minutes.errors import MinutesError
from minutes.output.datasette import database_name, metadata

INSTALL = "pip install 'minutes[web]'"


def available() -> bool:
    return importlib.util.find_spec("datasette") is not None


def check_address(host: str, port: int) -> None:
    """``MinutesError`` unless a server can listen on ``host``:``port`` now (the port
    is free, the address is this machine's), so that a busy port is one line, not
    the server's log."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise MinutesError(f"{host}: is not an address of this machine ({exc})") from None
    family, kind, proto, _, address = infos[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # as the server does
            probe.bind(address)
    except OSError as exc:
        reason = "the port is in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
        raise MinutesError(f"{host}:{port}: cannot listen there: {reason} (choose another with --port)") from None


def serve(db_path: str, *, host: str = "127.0.0.1", port: int = 8001, extra: tuple[str, ...] = ()) -> None:
    """Run Datasette on ``db_path`` with this metadata until it is stopped."""
    if not available():
        raise MinutesError(f"Datasette is not installed: install it with {INSTALL}")
    check_address(host, port)
    from datasette.cli import cli as datasette_cli
    from datasette.plugins import pm

    from minutes.serve import plugin

    if not pm.is_registered(plugin) and pm.get_plugin("minutes") is None:
        pm.register(plugin, name="minutes")    # the pages that read as minutes (also an entry point)

    with tempfile.TemporaryDirectory(prefix="minutes-") as tmp:
        meta = os.path.join(tmp, "metadata.json")
        with open(meta, "w", encoding="utf-8") as fh:
            json.dump(metadata(database_name(db_path)), fh, ensure_ascii=False, indent=1)
        args = ["serve", db_path, "--metadata", meta, "--host", host, "--port", str(port), *extra]
        datasette_cli.main(args=args, prog_name="datasette", standalone_mode=False)
