"""Serve a workshop to browsers with textual-serve: each tab runs its own `bashtag join --ask` process.

The served command is fixed here (this interpreter, ``-m game join --ask --workshop ID``); nothing a
browser sends can change it, and the app it runs has no shell and opens no files on request: a
browser can only type a join code and play that team's game.  It listens on 127.0.0.1 unless the
facilitator gives ``--host``, and says so, since textual-serve has no authentication of its own (the
join codes are the only gate).
"""

from __future__ import annotations

import shlex
import sys

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def served_command(workshop_id: str) -> str:
    """The one command every browser tab runs (textual-serve starts it through a shell: quoted)."""
    return " ".join(shlex.quote(part) for part in (sys.executable, "-m", "game", "join", "--ask",
                                                     "--workshop", workshop_id))


def serve(workshop_ref: str | None, host: str = "127.0.0.1", port: int = 8000, public_url: str | None = None) -> int:
    from game.workshop.store import WorkshopStore

    workshop = WorkshopStore().workshop(workshop_ref)
    if workshop.ended:
        print(f"bashtag workshop serve: the workshop {workshop.id} has ended", file=sys.stderr)
        return 1
    try:
        from textual_serve.server import Server
    except ImportError:
        print("bashtag workshop serve: needs textual-serve: pip install 'bashtag[workshop]' "
              "(or pip install textual-serve)", file=sys.stderr)
        return 1
    url = public_url or f"http://{'[' + host + ']' if ':' in host else host}:{port}"
    if host in LOOPBACK:
        print(f"Serving workshop {workshop.id} at {url} — on this machine only (127.0.0.1). To let other "
              "machines in, add --host 0.0.0.0 (anyone who can reach this machine then sees the join screen; "
              "the team codes are the only gate).", file=sys.stderr)
    else:
        print(f"Serving workshop {workshop.id} on {host}:{port} — OPEN TO THE NETWORK: anyone who can reach "
              "this machine sees the join screen; the team codes are the only gate. Prefer a private network "
              "or a tunnel, and end the workshop when done.", file=sys.stderr)
    print("Teams open the address, type their code and play. Ctrl+C stops serving (games are kept).",
          file=sys.stderr)
    Server(served_command(workshop.id), host=host, port=port, title="Bashtag workshop",
           public_url=public_url).serve()
    return 0
