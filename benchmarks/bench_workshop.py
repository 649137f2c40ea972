"""Workshop scale, run by hand (not in CI):  python benchmarks/bench_workshop.py [--teams 1,4,8,16] [--terminal]

With --terminal, each team is `bashtag join CODE` in its own pseudo-terminal (a team over SSH) instead
of a browser tab served by `bashtag workshop serve`; the figures are the same.

For each number of teams N it creates a workshop on #AskJPM, starts `bashtag workshop serve` on a
free localhost port, and connects N browser-like clients straight to textual-serve's websocket
(the same protocol xterm.js speaks).  Each client types its team's code and starts playing.  Then:

- memory per team: the resident set (RSS) of each team's process (textual-serve runs one per tab),
  and its PSS and USS (its share of the pages it shares, and the pages only it holds: what one more
  team costs).  Teams are forked from one pre-loaded server since issue 21; BASHTAG_SERVE_FORK=0
  measures the processes of before, in the same way;
- idle CPU per team: its CPU time over 10 s of waiting on the play screen (the 1.5 s store poll);
- turn latency: every team presses `e` at the same instant (the worst case); the time from the key
  to the screen showing the next turn in its header ("Turn T+1 of": an event-log line can sit under a toast for seconds), per team (median and worst),
  over three turns;
- the same with the presses spread over 1.5 s, as lockstep really runs (waiting teams end their
  turn at their own next store poll, every 1.5 s) and as free-paced teams do.

Figures go into docs/facilitation.md (§ How many teams one machine holds).  Needs textual-serve and
aiohttp (pip install '.[workshop]').  Uses a private data directory.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def group_processes(pgid: int, exclude: int) -> list[int]:
    """The team processes: everything in the server's process group but the server (and shells)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) != pgid or int(entry.name) == exclude:
            continue
        if b"join" in cmdline and b"-c" not in cmdline:
            found.append(int(entry.name))  # a team's own process (BASHTAG_SERVE_FORK=0)
        elif any(part.endswith(b"forkserver") for part in cmdline) and int(fields[1]) != exclude:
            found.append(int(entry.name))  # a team forked from the pre-loaded server (not the server)
    return found


def client_processes(pgid: int) -> list[int]:
    """The fork server's clients (one a tab) in the server's process group."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if int(fields[2]) == pgid and b"-S" in cmdline and b"-c" in cmdline:
                found.append(int(entry.name))
    return found


def shared_mb(pid: int) -> tuple[float, float]:
    """PSS and USS in MB: the team's share of pages it shares, and the pages only it holds."""
    found = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        found[key] = int(value.split()[0]) / 1024
    return found["Pss"], found["Private_Clean"] + found["Private_Dirty"]


def rss_mb(pid: int) -> float:
    pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return pages * PAGE / 1e6


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class Client:
    """One browser tab, as textual-serve sees it."""

    def __init__(self, ws):
        self.ws, self.received, self.marks = ws, bytearray(), {}

    async def pump(self):
        async for message in self.ws:
            data = message.data if isinstance(message.data, bytes) else str(message.data).encode()
            self.received += data
            now = time.perf_counter()
            for text in list(self.marks):
                if self.marks[text] is None and text.encode() in self.received[-65536:]:
                    self.marks[text] = now

    async def send(self, text: str):
        await self.ws.send_json(["stdin", text])

    async def wait(self, text: str, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while text.encode() not in self.received:
            if time.monotonic() > deadline:
                raise TimeoutError(f"never saw {text!r}")
            await asyncio.sleep(0.02)


class TerminalClient(Client):
    """One team in a terminal: `bashtag join CODE` on a pseudo-terminal of 140 × 42."""

    def __init__(self, code: str, env: dict):
        import fcntl
        import pty
        import struct
        import termios

        self.received, self.marks = bytearray(), {}
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 42, 140, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "game", "join", code],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**env, "TERM": "xterm-256color"},
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(slave)
        # Never block the event loop on a read: a readiness signal can come with nothing left to read.
        os.set_blocking(self.master, False)
        self._readable = asyncio.Event()
        asyncio.get_running_loop().add_reader(self.master, self._readable.set)

    async def pump(self):
        while True:
            await self._readable.wait()
            self._readable.clear()
            try:
                data = os.read(self.master, 65536)
            except BlockingIOError:
                continue
            except OSError:
                return
            self.received += data
            now = time.perf_counter()
            for text in list(self.marks):
                if self.marks[text] is None and text.encode() in self.received[-65536:]:
                    self.marks[text] = now

    async def send(self, text: str):
        os.write(self.master, text.encode())

    def close(self):
        asyncio.get_running_loop().remove_reader(self.master)
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
        os.close(self.master)


async def enter_play(client) -> None:
    """From the briefing to the play screen.  The briefing names the team too ("You play as Team
    Red"): wait for the play screen's header instead, pressing Enter again if the first came before
    the Start button could take it."""
    await client.wait("Start")
    for _ in range(10):
        await asyncio.sleep(0.5)
        await client.send("\r")
        try:
            await client.wait("Turn 1 of", timeout=3)
            return
        except TimeoutError:
            continue


async def run_terminal_level(teams: int, data_dir: Path) -> dict:
    """The same measures with every team in a terminal (no server, no browser relay)."""
    env = {**os.environ, "BASHTAG_DATA_DIR": str(data_dir)}
    made = json.loads(
        subprocess.check_output(
            [
                sys.executable,
                "-m",
                "game",
                "workshop",
                "new",
                "askjpm",
                "--teams",
                str(teams),
                "--seed",
                "11",
                "--json",
            ],
            env=env,
            cwd=ROOT,
        )
    )
    clients, pumps = [], []
    try:
        for team in made["teams"]:
            client = TerminalClient(team["code"], env)
            clients.append(client)
            pumps.append(asyncio.create_task(client.pump()))
            await enter_play(client)
        return await measure(teams, clients, [c.process.pid for c in clients])
    finally:
        for pump in pumps:
            pump.cancel()
        for client in clients:
            client.close()


async def measure(teams: int, clients: list, pids: list[int]) -> dict:
    """Memory, idle CPU and turn latency of ``clients`` (already on the play screen)."""
    await asyncio.sleep(3)
    rss = [rss_mb(pid) for pid in pids]
    before = {pid: cpu_seconds(pid) for pid in pids}
    await asyncio.sleep(10)
    idle_cpu = [100 * (cpu_seconds(pid) - before[pid]) / 10 for pid in pids]
    latencies = []
    for turn in (1, 2, 3):
        mark = f"Turn {turn + 1} of"  # the header: a toast can cover the event log's line for seconds
        for client in clients:
            client.marks[mark] = None
        start = time.perf_counter()
        await asyncio.gather(*(client.send("e") for client in clients))
        await asyncio.gather(*(client.wait(mark) for client in clients))
        latencies += [(client.marks[mark] - start) * 1000 for client in clients]
        await asyncio.sleep(2)
    spread = []
    for turn in (4, 5, 6):
        mark = f"Turn {turn + 1} of"  # the header: a toast can cover the event log's line for seconds
        for client in clients:
            client.marks[mark] = None

        async def press(client, delay, mark=mark):
            await asyncio.sleep(delay)
            sent = time.perf_counter()
            await client.send("e")
            await client.wait(mark)
            spread.append((client.marks[mark] - sent) * 1000)
            if os.environ.get("BENCH_VERBOSE"):
                print(f"  turn {mark}: {spread[-1]:.0f} ms", file=sys.stderr)

        await asyncio.gather(*(press(c, i * 1.5 / len(clients)) for i, c in enumerate(clients)))
        await asyncio.sleep(2)
    return {
        "teams": teams,
        "processes": len(pids),
        "rss_mb_median": statistics.median(rss),
        "idle_cpu_pct_median": statistics.median(idle_cpu),
        "turn_ms_median": statistics.median(latencies),
        "turn_ms_max": max(latencies),
        "spread_ms_median": statistics.median(spread),
        "spread_ms_max": max(spread),
    }


async def run_level(teams: int, data_dir: Path) -> dict:
    import aiohttp

    env = {**os.environ, "BASHTAG_DATA_DIR": str(data_dir)}
    made = json.loads(
        subprocess.check_output(
            [
                sys.executable,
                "-m",
                "game",
                "workshop",
                "new",
                "askjpm",
                "--teams",
                str(teams),
                "--seed",
                "11",
                "--json",
            ],
            env=env,
            cwd=ROOT,
        )
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "game", "workshop", "serve", made["workshop"], "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(200):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            await asyncio.sleep(0.05)
        async with aiohttp.ClientSession() as session:
            clients, pumps = [], []
            for team in made["teams"]:
                ws = await session.ws_connect(
                    f"http://127.0.0.1:{port}/ws?width=140&height=42",
                    max_msg_size=0,
                    headers={"Origin": f"http://127.0.0.1:{port}"},
                )  # serve checks it
                client = Client(ws)
                pumps.append(asyncio.create_task(client.pump()))
                await client.wait("join code")
                await client.send(team["code"])
                await client.send("\r")
                await enter_play(client)
                clients.append(client)
            await asyncio.sleep(3)
            pids = group_processes(server.pid, server.pid)
            pss, uss = zip(*(shared_mb(pid) for pid in pids))
            # With the fork server each tab also has its small client (python -S): count its share too.
            client_shares = [shared_mb(pid)[0] for pid in client_processes(server.pid)]
            row = await measure(teams, clients, pids)
            for pump in pumps:
                pump.cancel()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    return {
        **row,
        "processes": len(pids),
        "pss_mb_median": statistics.median(pss),
        "uss_mb_median": statistics.median(uss),
        "client_pss_mb": statistics.median(client_shares) if client_shares else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", default="1,4,8,12,16", help="comma-separated team counts")
    parser.add_argument("--terminal", action="store_true", help="teams in terminals instead of browser tabs")
    args = parser.parse_args()
    level = run_terminal_level if args.terminal else run_level
    print(f"{os.cpu_count()} CPUs; #AskJPM; {'terminal' if args.terminal else 'browser'} teams")
    print(
        f"{'teams':>5} {'PSS/USS(+client PSS) MB':>24} {'RSS/team MB':>12} {'idle CPU/team':>14} {'same instant: median ms':>24} {'worst ms':>9}"
        f" {'spread over 1.5 s: median ms':>29} {'worst ms':>9}"
    )
    for teams in (int(n) for n in args.teams.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            row = asyncio.run(level(teams, Path(folder)))
        shares = f"{row['pss_mb_median']:.0f}/{row['uss_mb_median']:.0f}" if "pss_mb_median" in row else "-"
        if row.get("client_pss_mb"):
            shares += f"+{row['client_pss_mb']:.0f}"
        print(
            f"{row['teams']:>5} {shares:>24} {row['rss_mb_median']:>12.0f} {row['idle_cpu_pct_median']:>13.1f}% "
            f"{row['turn_ms_median']:>24.0f} {row['turn_ms_max']:>9.0f} {row['spread_ms_median']:>29.0f}"
            f" {row['spread_ms_max']:>9.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
