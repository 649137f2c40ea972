"""Helpers for the UI tests (a module of its own: importing from conftest picks whichever
conftest pytest loaded first)."""

from __future__ import annotations


def option_text(prompt) -> str:
    """An OptionList prompt as plain text, whether Textual Content or a Rich renderable."""
    from rich.console import Console

    if isinstance(prompt, str) or hasattr(prompt, "plain"):
        return str(prompt)
    console = Console(width=200, color_system=None)
    with console.capture() as captured:
        console.print(prompt)
    return captured.get()
