"""A fork server for `bashtag workshop serve` (issue 21 target 4): one pre-loaded parent, a forked
child per browser team, so the teams share Textual, numpy, pydantic, the engine and the workshop's
game instead of each importing and building its own (about 95 MB a team in separate processes,
about 30 MB forked: docs/facilitation.md § How many teams one machine holds).

textual-serve still starts one command per browser tab and talks to it over that command's stdin
and stdout.  That command is now :data:`CLIENT`, a few lines of the standard library (``python -S``)
that connect to this server's Unix socket, hand over their stdin, stdout and stderr and their
environment (``SCM_RIGHTS``), and wait for the team's exit status.  The server forks; the child takes
those descriptors and that environment as its own and runs what the tab ran before
(``bashtag join --ask --workshop ID``: the join screen, then that team's game).  The socket is in a
folder only this user can open, so nothing else on the machine can ask for a team process; what the child runs is fixed here, as before.

    python -m game.workshop.web.forkserver SOCKET WORKSHOP_ID
"""

from __future__ import annotations

import array
import json
import os
import signal
import socket
import sys

# The tab's command: the standard library only, no site-packages (it starts in a few milliseconds
# and holds a few MB).  Its exit status is the team's.
CLIENT = r"""
import array, json, os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
env = json.dumps(dict(os.environ)).encode()
s.sendmsg([len(env).to_bytes(4, "big") + env], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [0, 1, 2]))])
got = b""
while True:
    chunk = s.recv(64)
    if not chunk:
        break
    got += chunk
sys.exit(int(got) if got.strip().isdigit() else 1)
"""

MAX_ENV = 1 << 20


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    """The client's environment and its three descriptors."""
    fds = array.array("i")
    message, ancillary, _, _ = conn.recvmsg(MAX_ENV, socket.CMSG_SPACE(3 * fds.itemsize))
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(data[: len(data) - len(data) % fds.itemsize])
    size = int.from_bytes(message[:4], "big")
    body = message[4:]
    while len(body) < size:
        more = conn.recv(size - len(body))
        if not more:
            break
        body += more
    return json.loads(body), list(fds)


def _child(conn: socket.socket, listener: socket.socket, workshop_id: str) -> None:
    """In the forked child: become the tab's team process, then report its exit status."""
    listener.close()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    code = 1
    try:
        env, fds = _receive(conn)
        if len(fds) != 3:
            return
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        sys.stdin, sys.stdout, sys.stderr = (
            os.fdopen(0, "r", closefd=False),
            os.fdopen(1, "w", closefd=False),
            os.fdopen(2, "w", closefd=False),
        )
        os.environ.clear()
        os.environ.update(env)
        import importlib

        import textual.constants

        importlib.reload(textual.constants)  # Textual reads its settings from the environment at import
        _exit_with_client(conn)
        # What `bashtag join --ask --workshop ID` runs (game/commands/join.py), the tab's command before.
        from game.workshop.join_screen import JoinScreen
        from game.workshop.team_app import WorkshopTeamApp

        WorkshopTeamApp(first_screen=lambda: JoinScreen(workshop_id)).run()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    except BaseException:  # noqa: BLE001 - the team's traceback goes where the tab's stderr went
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            conn.sendall(str(code).encode())
        except OSError:
            pass
        os._exit(code if isinstance(code, int) else 1)


def _exit_with_client(conn: socket.socket) -> None:
    """The tab's process is the client: when it goes (the tab closed, serve stopped), so does the team."""
    import threading

    def watch() -> None:
        try:
            dup = conn.dup()
            while dup.recv(1):
                pass
        except OSError:
            pass
        os._exit(0)

    threading.Thread(target=watch, name="bashtag-client-watch", daemon=True).start()


def preload(workshop_id: str) -> None:
    """Import what a team process imports, and build the workshop's game once, before any fork."""
    import numpy  # noqa: F401
    import pydantic  # noqa: F401
    import textual.app  # noqa: F401

    import game.ui.app as ui_app
    import game.ui.screens.debrief  # noqa: F401
    import game.ui.screens.play  # noqa: F401
    import game.workshop.join_screen  # noqa: F401
    import game.workshop.joining  # noqa: F401
    import game.workshop.team_app  # noqa: F401
    import game.workshop.team_play  # noqa: F401
    from game.engine.game import Game
    from game.scenario.library import resolve
    from game.scenario.loader import load_scenario
    from game.workshop.store import WorkshopStore

    try:
        workshop = WorkshopStore().workshop(workshop_id)
        scenario = load_scenario(resolve(workshop.scenario_ref))
        # Every team plays this scenario with this seed: a child whose team starts afresh starts this
        # game (its own copy-on-write copy); a team that resumes restores its own as before.
        ui_app.offer_prebuilt_game(Game(scenario, workshop.seed))
    except Exception as error:  # noqa: BLE001 - without it each team builds its own game, as before
        print(f"bashtag workshop serve: the teams will build their own games ({error})", file=sys.stderr)


def main(argv: list[str]) -> int:
    path, workshop_id = argv
    preload(workshop_id)
    import gc

    # Keep the collector off what the parent made: a collection in a child writes to every object
    # it visits, copying the parent's pages into that child.
    gc.collect()
    gc.freeze()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    print("ready", flush=True)
    try:
        while True:
            conn, _ = listener.accept()
            if os.fork() == 0:
                signal.signal(signal.SIGINT, signal.default_int_handler)
                _child(conn, listener, workshop_id)
            conn.close()
    except KeyboardInterrupt:  # Ctrl+C on `workshop serve` reaches its whole process group: stop quietly
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
