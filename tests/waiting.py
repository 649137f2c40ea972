"""Waiting for a condition instead of sleeping a fixed time: a test goes on the moment what it
waits for is true (never slower than it must be), and says what it waited for when it times out."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(
    check: Callable[[], T],
    timeout: float,
    what: str,
    *,
    tick: Callable[[], object] | None = None,
    interval: float = 0.05,
) -> T:
    """Poll ``check`` (after ``tick``, if given) until it returns something true, and return that;
    an AssertionError naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if tick is not None:
            tick()
        value = check()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)


async def wait_until_async(check: Callable[[], T], timeout: float, what: str, interval: float = 0.05) -> T:
    """:func:`wait_until` inside an event loop (what ``check`` reads is filled by another task)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        await asyncio.sleep(interval)
