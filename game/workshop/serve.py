"""Serve a workshop to browsers: each tab runs its own `bashtag join --ask` process (game.workshop.web),
forked from one pre-loaded server (game.workshop.web.forkserver: the teams share its imports and the
workshop's game) unless BASHTAG_SERVE_FORK=0.

The served command is fixed here (this interpreter, ``-m game join --ask --workshop ID``, or the fork
server's client, which runs that same join in a forked child); nothing a
browser sends can change it, and the app it runs has no shell and opens no files on request: a
browser can only type a join code and play that team's game.  It listens on 127.0.0.1 unless the
facilitator gives ``--host``, and says so, since there is no log-in (the join codes are the only gate).

Before listening it checks what it can: the port is free and the address is this machine's (a message,
never a traceback), and it prints the address(es) to hand out — never ``0.0.0.0``, which a browser
cannot open.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import shlex
import socket
import subprocess
import sys
from urllib.parse import urlsplit

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ANY = ("0.0.0.0", "::", "")
# Each served team is a process of about 30 MB of its own (forked from the pre-loaded server; about 100 MB
# with BASHTAG_SERVE_FORK=0): past the workshop's teams, a few spare windows (a team that reloads its
# tab, a join screen left open) and no more.
SPARE_WINDOWS = 2


class ServeError(Exception):
    """A sentence for the facilitator; ``code`` is the exit status (1 bad input, 2 bad usage)."""

    def __init__(self, text: str, code: int = 1):
        super().__init__(text)
        self.code = code


def served_command(workshop_id: str, fork_socket: str | None = None) -> str:
    """The one command every browser tab runs (textual-serve starts it through a shell: quoted).

    With ``fork_socket``, the tab's command is the fork server's small client, and the team process is
    forked from the pre-loaded server (game.workshop.web.forkserver), running the same join command."""
    if fork_socket is not None:
        from game.workshop.web.forkserver import CLIENT

        return " ".join(shlex.quote(part) for part in (sys.executable, "-S", "-c", CLIENT, fork_socket))
    return " ".join(
        shlex.quote(part) for part in (sys.executable, "-m", "game", "join", "--ask", "--workshop", workshop_id)
    )


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def network_addresses() -> list[str]:
    """This machine's addresses other machines may reach it by (no loopback), best guess first."""
    found: list[str] = []
    # The address the machine would use to reach the outside (a UDP "connect" sends no packet).
    for family, probe in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))
                found.append(sock.getsockname()[0])
        except OSError:
            pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            found.append(str(info[4][0]))
    except OSError:
        pass
    result = []
    for address in found:
        address = address.split("%", 1)[0]
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            continue
        if ip.is_loopback or ip.is_link_local or ip.is_unspecified or address in result:
            continue
        result.append(address)
    return result


def check_public_url(url: str) -> str:
    """The --public-url as given, or ServeError when a browser could not open it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ServeError(f"--public-url {url!r} is not an http:// or https:// address", 2)
    if parts.hostname in ("0.0.0.0", "::"):
        raise ServeError(
            f"--public-url {url!r}: a browser cannot open {parts.hostname}; "
            "give the address other machines reach this one by",
            2,
        )
    return url.rstrip("/")


def urls_to_hand_out(host: str, port: int, public_url: str | None) -> list[str]:
    """The addresses teams type into their browsers (the first is the one to write on the board)."""
    if public_url:
        return [public_url]
    if host in ANY:
        return [f"http://{_bracket(a)}:{port}/" for a in network_addresses()]
    return [f"http://{_bracket(host)}:{port}/"]


def check_listen(host: str, port: int) -> None:
    """Bind and release the address now, so a busy port or a foreign address is a sentence, not a traceback."""
    if not 1 <= port <= 65535:
        raise ServeError(f"--port {port}: a port is a number from 1 to 65535", 2)
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise ServeError(f"--host {host!r} is not an address or a name this machine can resolve") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp does: TIME_WAIT is no obstacle
        try:
            sock.bind(address)
        except OSError as error:
            raise ServeError(listen_error(host, port, error)) from None


def listen_error(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (
            f"port {port} is already in use on {host or 'this machine'} (another `workshop serve`, or "
            f"another program): stop it, or choose another port with --port"
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return f"--host {host}: that is not an address of this machine (0.0.0.0 listens on all of them)"
    if error.errno == errno.EACCES:
        return f"port {port} needs administrator rights on this machine: choose one above 1023 with --port"
    return f"cannot listen on {host}:{port}: {error.strerror or error}"


def serve(
    workshop_ref: str | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    public_url: str | None = None,
    max_windows: int | None = None,
) -> int:
    from game.workshop.store import WorkshopStore

    store = WorkshopStore()
    workshop = store.workshop(workshop_ref)
    if workshop.ended:
        print(f"bashtag workshop serve: the workshop {workshop.id} has ended", file=sys.stderr)
        return 1
    try:
        from game.workshop.web import WorkshopServer
    except ImportError:
        print(
            "bashtag workshop serve: needs textual-serve: pip install 'bashtag[workshop]' "
            "(or pip install textual-serve)",
            file=sys.stderr,
        )
        return 1
    teams = len(store.teams(workshop.id))
    cap = max_windows if max_windows is not None else teams + SPARE_WINDOWS
    try:
        if cap < 1:
            raise ServeError("--max-windows must be at least 1", 2)
        if public_url:
            public_url = check_public_url(public_url)
        check_listen(host, port)
        urls = urls_to_hand_out(host, port, public_url)
        if not urls:
            raise ServeError(
                f"--host {host}: this machine has no network address other than its own loopback, "
                f"so other machines cannot reach it; serve on 127.0.0.1 for this machine only"
            )
    except ServeError as error:
        print(f"bashtag workshop serve: {error}", file=sys.stderr)
        return error.code
    # The address to hand out is data (stdout); the rest is talk (stderr).
    print(urls[0])
    if host in LOOPBACK:
        print(
            f"Serving workshop {workshop.id} at {urls[0]} — on this machine only. To let other "
            "machines in, add --host 0.0.0.0 (anyone who can reach this machine then sees the join screen; "
            "the team codes are the only gate).",
            file=sys.stderr,
        )
    else:
        others = f" (or {', '.join(urls[1:])})" if len(urls) > 1 else ""
        print(
            f"Serving workshop {workshop.id} at {urls[0]}{others} — OPEN TO THE NETWORK: anyone who can reach "
            "this machine sees the join screen; the team codes are the only gate. Prefer a private network "
            "or a tunnel, and end the workshop when done.",
            file=sys.stderr,
        )
    print(
        f"Teams open the address, type their code and play; at most {cap} browser windows at once "
        "(--max-windows). Ctrl+C stops serving (games are kept).",
        file=sys.stderr,
    )
    fork = start_fork_server(workshop.id)
    command = served_command(workshop.id, fork.socket if fork is not None else None)
    server = WorkshopServer(
        command, host=host, port=port, title="Bashtag workshop", max_live=cap, public_url=public_url
    )
    try:
        server.serve()
    except OSError as error:  # lost the port between the check and now
        print(f"bashtag workshop serve: {listen_error(host, port, error)}", file=sys.stderr)
        return 1
    finally:
        if fork is not None:
            fork.stop()
        _quiet_after_loop_closed()
    print("Stopped serving; the teams' games are kept.", file=sys.stderr)
    return 0


class ForkServer:
    """The running fork server: its process and the socket the tabs' clients connect to."""

    def __init__(self, process, folder: str):
        self.process, self.folder = process, folder
        self.socket = os.path.join(folder, "teams.sock")

    def stop(self) -> None:
        import shutil

        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_fork_server(workshop_id: str, timeout: float = 120.0) -> ForkServer | None:
    """Start the pre-loaded parent the teams are forked from (issue 21: about a third of the memory a
    team costs as its own process).  ``None``, and the tabs run their own processes as before, when it
    cannot start or BASHTAG_SERVE_FORK=0 asks for that."""
    if os.environ.get("BASHTAG_SERVE_FORK", "1") == "0" or not hasattr(os, "fork"):
        return None
    import select
    import tempfile
    from importlib.metadata import PackageNotFoundError, version

    folder = tempfile.mkdtemp(prefix="bashtag-serve-")  # 0700: only this user reaches the socket
    try:
        serve_version = version("textual-serve")
    except PackageNotFoundError:
        serve_version = ""
    # Textual reads these at import, and the server imports it before any tab connects: the settings
    # textual-serve gives every app it runs (app_service._build_environment).
    env = {
        **os.environ,
        "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
        "TEXTUAL_FPS": "60",
        "TEXTUAL_COLOR_SYSTEM": "truecolor",
        "TERM_PROGRAM": "textual",
        "TERM_PROGRAM_VERSION": serve_version,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "game.workshop.web.forkserver", os.path.join(folder, "teams.sock"), workshop_id],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    fork = ForkServer(process, folder)
    assert process.stdout is not None  # stdout=PIPE
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    if not ready or process.stdout.readline().strip() != b"ready":
        fork.stop()
        print(
            "bashtag workshop serve: each team runs in its own process (the shared one did not start)", file=sys.stderr
        )
        return None
    return fork


def _quiet_after_loop_closed() -> None:
    """Stopped with windows open, textual-serve's subprocess pipes are collected after its event loop has
    closed, and asyncio prints "Exception ignored … Event loop is closed" with a traceback: noise, since
    those processes have ended with the server.  Silence exactly that, and nothing else."""
    previous = sys.unraisablehook

    def hook(unraisable) -> None:
        if isinstance(unraisable.exc_value, RuntimeError) and str(unraisable.exc_value) == "Event loop is closed":
            return
        previous(unraisable)

    sys.unraisablehook = hook
