"""A real browser against `bashtag workshop serve`: the join screen appears, a code is accepted, the play screen shows.

The server listens on every address and the browser reaches it through 127.0.0.2 (Linux routes all of
127/8 to loopback), an address the server was never told about: the page must address the host the
browser used, and load nothing from any other host (workshops run on closed networks).

Drives Debian's headless chromium over the Chrome DevTools protocol (with aiohttp, which textual-serve
already brings).  What the browser shows is read from the terminal output it receives on its
websocket (xterm.js draws on a canvas, so the DOM holds no text); keys are typed into xterm's input.
Skipped, with the reason, when chromium or textual-serve is missing.
"""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from waiting import wait_until, wait_until_async
from workshop_helpers import new_workshop

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,800",
]

pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Browser:
    """The few DevTools calls this test needs, and every websocket frame the page receives."""

    def __init__(self, ws):
        self.ws, self.next_id, self.replies, self.received = ws, 0, {}, bytearray()
        self.requested: list[str] = []  # every address the page asked for (page, scripts, font, socket)
        self.console: list[str] = []  # the browser's own complaints (a CSP violation lands here)

    async def pump(self):
        import aiohttp

        async for message in self.ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = message.json()
            if "id" in data:
                self.replies[data["id"]] = data
            elif data.get("method") == "Network.requestWillBeSent":
                self.requested.append(data["params"]["request"]["url"])
            elif data.get("method") == "Network.webSocketCreated":
                self.requested.append(data["params"]["url"])
            elif data.get("method") == "Log.entryAdded":
                self.console.append(data["params"]["entry"].get("text", ""))
            elif data.get("method") == "Network.webSocketFrameReceived":
                response = data["params"]["response"]
                payload = response.get("payloadData", "")
                self.received += base64.b64decode(payload) if response.get("opcode") == 2 else payload.encode()

    async def call(self, method: str, **params):
        self.next_id += 1
        ident = self.next_id
        await self.ws.send_json({"id": ident, "method": method, "params": params})
        await wait_until_async(lambda: ident in self.replies, 10, f"an answer to {method}")
        return self.replies.pop(ident).get("result")

    async def wait_text(self, text: str, timeout: float = 20):
        await wait_until_async(lambda: text.encode() in self.received, timeout, f"the browser to show {text!r}")

    async def type(self, text: str):
        await self.call("Runtime.evaluate", expression="document.querySelector('.xterm-helper-textarea').focus()")
        await self.call("Input.insertText", text=text)

    async def enter(self):
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key="Enter",
                code="Enter",
                windowsVirtualKeyCode=13,
                nativeVirtualKeyCode=13,
                **({"text": "\r"} if kind == "keyDown" else {}),
            )


async def drive(page_ws_url: str, url: str, code: str, workshop: str) -> Browser:
    import aiohttp

    async with aiohttp.ClientSession() as session, session.ws_connect(page_ws_url, max_msg_size=0) as ws:
        browser = Browser(ws)
        pump = asyncio.create_task(browser.pump())
        try:
            await browser.call("Network.enable")
            await browser.call("Page.enable")
            await browser.call("Log.enable")
            await browser.call("Page.navigate", url=url)
            await browser.wait_text("Bashtag workshop")  # the join screen
            await browser.wait_text("join code")
            await browser.type(code)
            await browser.wait_text(code)  # the code is in the box: the screen has the keys
            await browser.enter()
            await browser.wait_text("Start")  # the briefing (its Start key)
            await browser.enter()
            await browser.wait_text("Team Red")  # the play screen's header
            terminal = await browser.call("Runtime.evaluate", expression="document.querySelectorAll('.xterm').length")
            assert terminal["result"]["value"] >= 1
            # The facilitator pauses: the browser team sees it at once, without pressing a key.
            from game.workshop.store import WorkshopStore

            WorkshopStore().set_paused(workshop, True)
            await browser.wait_text("PAUSED by the facilitator")
        finally:
            pump.cancel()
    return browser


def test_a_browser_joins_with_a_code_and_plays(tmp_path):
    pytest.importorskip("textual_serve", reason="textual-serve is not installed (pip install '.[workshop]')")
    pytest.importorskip("aiohttp")
    import json
    import urllib.request

    made = new_workshop(1, "--team-names", "Red")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "game", "workshop", "serve", made["workshop"], "--host", "0.0.0.0", "--port", str(port)],
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    profile = tmp_path / "chromium"
    chromium = None
    try:
        wait_until(lambda: port_open(port), 20, "workshop serve to listen")
        chromium = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        active = profile / "DevToolsActivePort"
        dev_port = int(
            wait_until(lambda: active.is_file() and active.read_text().split("\n")[0], 20, "chromium's DevTools port")
        )
        pages = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{dev_port}/json/list", timeout=10).read())
        page = next(p for p in pages if p.get("type") == "page")
        browser = asyncio.run(
            drive(page["webSocketDebuggerUrl"], f"http://127.0.0.2:{port}/", made["teams"][0]["code"], made["workshop"])
        )
    finally:
        for proc in (chromium, server):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
    from urllib.parse import urlsplit

    from game.workshop.store import WorkshopStore

    team = WorkshopStore().teams(made["workshop"])[0]
    assert team.session_path is not None  # the browser's team is recording its game
    hosts = {urlsplit(url).netloc for url in browser.requested}
    assert hosts == {f"127.0.0.2:{port}"}, browser.requested  # the socket too; no web font from outside
    assert any(url.startswith(f"ws://127.0.0.2:{port}/ws") for url in browser.requested)
    assert any("/static/fonts/RobotoMono" in url for url in browser.requested)  # the font, served here
    assert not [line for line in browser.console if "Content Security Policy" in line], browser.console
