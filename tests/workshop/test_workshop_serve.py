"""`bashtag workshop serve`'s gates, without a browser: the socket's Origin, the cap on live team windows,
the Host a request names, a busy port and an address no browser can open."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from waiting import wait_until
from workshop_helpers import cli, new_workshop

pytest.importorskip("textual_serve", reason="textual-serve is not installed (pip install '.[workshop]')")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_serving(workshop: str, *extra: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "game", "workshop", "serve", workshop, "--port", str(port), *extra],
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )

    def listening() -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    try:
        wait_until(listening, 20, "workshop serve to listen")
    except AssertionError:
        server.kill()
        raise
    return server, port


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


async def handshake(port: int, origin: str | None) -> int | str:
    """The status the server answers a WebSocket handshake with ('open' when it accepts)."""
    import aiohttp

    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession(skip_auto_headers=["Origin"]) as session:
        try:
            async with session.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24", headers=headers):
                return "open"
        except aiohttp.WSServerHandshakeError as error:
            return error.status


def page_status(port: int, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_socket_refuses_pages_of_other_sites_and_caps_live_windows():
    pytest.importorskip("aiohttp")
    import aiohttp

    made = new_workshop(1)
    server, port = start_serving(made["workshop"], "--max-windows", "1")
    try:
        own = f"http://127.0.0.1:{port}"
        # Any page the facilitator opens could try to start team processes on localhost: refused.
        assert asyncio.run(handshake(port, "http://evil.example")) == 403
        assert asyncio.run(handshake(port, f"http://127.0.0.1:{port + 1}")) == 403
        assert asyncio.run(handshake(port, None)) == 403

        async def one_open_then_another():
            async with aiohttp.ClientSession() as session:
                async with session.ws_connect(f"{own}/ws?width=80&height=24", headers={"Origin": own}):
                    second = await handshake(port, own)  # over the cap of 1
                    status, page = await asyncio.to_thread(page_status, port)
                    return second, status, page

        second, status, page = asyncio.run(one_open_then_another())
        assert second == 503
        assert status == 503 and "The workshop is full" in page
        # The first window closed: once its process has ended, there is room again.
        wait_until(lambda: page_status(port)[0] != 503, 30, "the first window's process to end", interval=0.2)
        assert page_status(port)[0] == 200
        # A name this server was not told about (DNS rebinding) is refused; an IP literal is not.
        assert page_status(port, "evil.example")[0] == 421
        assert page_status(port, f"127.0.0.2:{port}")[0] == 200
        assert asyncio.run(handshake(port, own)) == "open"
    finally:
        stop(server)
    _, err = server.communicate(timeout=10)
    assert b"Traceback" not in err, err.decode()


def test_the_page_loads_nothing_from_outside_and_says_so_in_its_policy():
    made = new_workshop(1)
    server, port = start_serving(made["workshop"])
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            page = response.read().decode()
            policy = response.headers["Content-Security-Policy"]
    finally:
        stop(server)
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and "googleapis" not in page
    assert (
        "default-src 'none'" in policy
        and "script-src 'self'" in policy
        and "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    )


def test_a_busy_port_is_a_sentence_not_a_traceback():
    made = new_workshop(1)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = cli("workshop", "serve", made["workshop"], "--port", str(port))
    assert code == 1 and out == ""
    assert f"port {port} is already in use" in err and "Traceback" not in err


def test_an_address_no_browser_can_open_is_refused_and_the_one_to_hand_out_is_printed(monkeypatch):
    made = new_workshop(1)
    code, _, err = cli("workshop", "serve", made["workshop"], "--public-url", "http://0.0.0.0:8000")
    assert code == 2 and "a browser cannot open 0.0.0.0" in err
    code, _, err = cli("workshop", "serve", made["workshop"], "--host", "192.0.2.77", "--port", str(free_port()))
    assert code == 1 and "not an address of this machine" in err

    from game.workshop import serve

    monkeypatch.setattr(serve, "network_addresses", lambda: ["192.0.2.2"])
    assert serve.urls_to_hand_out("0.0.0.0", 8766, None) == ["http://192.0.2.2:8766/"]
    monkeypatch.setattr(serve, "network_addresses", lambda: [])
    assert serve.urls_to_hand_out("0.0.0.0", 8766, None) == []  # serve() then refuses, with the reason


def test_served_teams_are_forked_from_one_preloaded_server_and_play():
    """Issue 21 target 4: every tab's team is a child of one pre-loaded fork server, and still plays."""
    import aiohttp

    made = new_workshop(1, "--team-names", "Red")
    server, port = start_serving(made["workshop"])

    async def play() -> bytes:
        received = bytearray()
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(
                f"http://127.0.0.1:{port}/ws?width=140&height=42",
                max_msg_size=0,
                headers={"Origin": f"http://127.0.0.1:{port}"},
            ) as ws:

                async def until(text: str, timeout: float = 60) -> None:
                    deadline = time.monotonic() + timeout
                    while text.encode() not in received:
                        assert time.monotonic() < deadline, f"never saw {text!r}"
                        message = await ws.receive(timeout=timeout)
                        data = message.data if isinstance(message.data, bytes) else str(message.data).encode()
                        received.extend(data)

                await until("join code")
                await ws.send_json(["stdin", made["teams"][0]["code"]])
                await ws.send_json(["stdin", "\r"])
                await until("Start")
                await asyncio.sleep(0.3)
                await ws.send_json(["stdin", "\r"])
                await until("Team Red")
                await ws.send_json(["stdin", "e"])
                await until("end of turn 1:")
                teams = forked_teams(server.pid)
                assert len(teams) == 1, teams
                return teams[0]

    try:
        asyncio.run(play())
    finally:
        stop(server)
    from game.workshop.store import WorkshopStore

    assert WorkshopStore().teams(made["workshop"])[0].session_path is not None  # its game is recorded


def forked_teams(pgid: int) -> list[bytes]:
    """The command lines of the server's process group's team processes forked from the fork server."""
    from pathlib import Path

    parents, commands = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                commands[int(entry.name)] = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                parents[int(entry.name)] = int(fields[1])
    server = [pid for pid, parent in parents.items() if parent == pgid and b"forkserver" in commands[pid]]
    assert len(server) == 1, "one fork server"
    return [commands[pid] for pid, parent in parents.items() if parent == server[0]]
