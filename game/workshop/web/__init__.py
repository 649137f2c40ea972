"""The workshop's web server: textual-serve's, with the gates a workshop on a real network needs.

textual-serve starts one process per browser tab and relays its terminal over a WebSocket.  On its
own it writes absolute addresses into the page (``http://0.0.0.0:8000/…`` when listening on every
address, which no browser can use), loads a web font from the internet, and accepts any WebSocket:
any page the facilitator opens in a browser could start team processes on localhost.  This server
keeps textual-serve's process handling and terminal protocol and changes the edges:

* the page (our own template, ``app_index.html``) uses relative addresses only, and the socket's
  address is computed in the browser from the page's own (``bashtag-workshop.js``): whatever host
  the browser used works, and nothing is fetched from anywhere else (the font is served here);
* a Content-Security-Policy says so to the browser too (``'self'`` only, no inline script);
* a request naming a host this server was not told about is refused (DNS rebinding: a hostile
  name resolving to this machine); IP literals, ``localhost``, this machine's names and the
  ``--public-url`` host are accepted;
* the WebSocket checks its ``Origin`` (a browser always sends it): it must be this very page's;
* at most ``max_live`` team processes run at once (each is a Python process of about 100 MB);
  past that the page says the workshop is full and the socket is refused.

Import this module only when textual-serve is installed (serve.py checks).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

HERE = Path(__file__).parent
SCRIPT = "bashtag-workshop.js"
log = logging.getLogger("textual-serve")


def host_of(netloc: str) -> str:
    """The host part of ``host[:port]`` or ``[v6]:port``, lower-cased, without brackets."""
    netloc = netloc.strip().lower()
    if netloc.startswith("["):
        return netloc[1:].split("]", 1)[0]
    if netloc.count(":") == 1:
        return netloc.split(":", 1)[0]
    return netloc


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def machine_names() -> set[str]:
    """The names a browser on the network may use for this machine (besides its IP addresses)."""
    names = {"localhost"}
    for name in (socket.gethostname(), socket.getfqdn()):
        if name:
            names.add(name.lower())
    return names


def csp(host: str) -> str:
    """The page's Content-Security-Policy: this server only, no inline script, no framing."""
    return (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"font-src 'self'; connect-src 'self' ws://{host} wss://{host}; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


class WorkshopServer(Server):
    """textual-serve's Server with relative addresses, a checked Host and Origin, and a cap on live teams."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        max_live: int,
        public_url: str | None = None,
        extra_hosts: set[str] | None = None,
    ):
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.templates_path = HERE
        self.max_live = max_live
        self.live = 0
        self.allowed_names = machine_names() | {h.lower() for h in (extra_hosts or set())}
        if public_url:
            self.allowed_names.add(host_of(urlsplit(public_url).netloc))
        self.public_netloc = urlsplit(public_url).netloc.lower() if public_url else None

    # ------------------------------------------------------------------------------ the application

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get(f"/{SCRIPT}", self.handle_script),
                # textual-serve's own files (textual.js, xterm.css, the Roboto Mono font); no index listing.
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        return app

    async def on_startup(self, app: web.Application) -> None:
        """serve.py has said where to connect (textual-serve would print its absolute address)."""

    def host_allowed(self, request: web.Request) -> bool:
        host = host_of(request.host or "")
        return bool(host) and (is_ip(host) or host in self.allowed_names)

    @web.middleware
    async def _guard(self, request: web.Request, handler) -> web.StreamResponse:
        if not self.host_allowed(request):
            return web.Response(
                status=421,
                text=(
                    f"This workshop is not served under the name {host_of(request.host or '')!r}. "
                    "Open the address the facilitator gave you."
                ),
            )
        response = await handler(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    # ------------------------------------------------------------------------------ the page

    def _page(self, request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
        response = aiohttp_jinja2.render_template(template, request, {"title": self.title, **context}, status=status)
        response.headers["Content-Security-Policy"] = csp(request.host)
        response.headers["Cache-Control"] = "no-store"
        return response

    def full_message(self) -> str:
        return (
            f"The workshop is full: {self.live} team windows are open, the most this server runs at once "
            f"({self.max_live}). Close a window you no longer use, or ask the facilitator."
        )

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        if self.live >= self.max_live:
            return self._page(request, "full.html", status=503, message=self.full_message())
        font_size = request.query.get("fontsize", "16")
        return self._page(request, "app_index.html", font_size=int(font_size) if font_size.isdigit() else 16)

    async def handle_script(self, request: web.Request) -> web.FileResponse:
        response = web.FileResponse(HERE / SCRIPT)
        response.headers["Content-Type"] = "text/javascript; charset=utf-8"
        return response

    # ------------------------------------------------------------------------------ the socket

    def origin_allowed(self, request: web.Request) -> bool:
        """A browser sends the page's origin: it must be a page of this server, at this very host."""
        origin = request.headers.get("Origin")
        if not origin:
            return False
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https"):
            return False
        netloc = parts.netloc.lower()
        return netloc == (request.host or "").lower() or (
            self.public_netloc is not None and netloc == self.public_netloc
        )

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        if not self.origin_allowed(request):
            log.warning("refused a connection from another site (Origin %r)", request.headers.get("Origin"))
            return web.Response(status=403, text="This socket is for the workshop's own page only.")
        if self.live >= self.max_live:
            log.warning("refused a team window: %d already open (the cap)", self.live)
            return web.Response(status=503, text=self.full_message())
        self.live += 1  # counted before the first await: two sockets at once cannot both pass
        try:
            return await super().handle_websocket(request)
        finally:
            self.live -= 1
