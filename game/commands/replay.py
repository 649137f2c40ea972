"""Step through a saved game turn by turn, read-only: figures, actions, events and the loudest posts.

  bashtag replay latest          Enter for the next turn, q to quit
  bashtag replay ID --all        print every turn at once

A replay never changes the saved game.
"""

from __future__ import annotations

import argparse
import sys

from game.commands._shared import keep_line_breaks


def configure(parser: argparse.ArgumentParser) -> None:
    keep_line_breaks(parser)
    parser.add_argument(
        "session",
        nargs="?",
        default="latest",
        help="a session id (see `bashtag sessions`), a path, or `latest` (default)",
    )
    parser.add_argument("--all", action="store_true", help="print every turn without waiting")
    parser.add_argument(
        "--anyway", action="store_true", help="replay even though the scenario file changed since the game was recorded"
    )


def run(args: argparse.Namespace) -> int:
    from game.commands._shared import restore_or_explain

    steps: list = []
    restored = restore_or_explain(
        "replay", args.session, args.anyway, on_turn=lambda game, actions, report: steps.append(report)
    )
    if restored is None:
        return 1
    state = restored.game.state
    info = restored.info
    interactive = not args.all and sys.stdin.isatty()
    print(
        f"{restored.game.scenario.title} — seed {info.seed}, recorded {info.created.replace('T', ' ')[:16]} ({info.id})"
    )
    for report in steps:
        print()
        print(_turn_text(report, state))
        if interactive and report is not steps[-1]:
            try:
                answer = input("— Enter: next turn, q: quit — ")
            except EOFError:
                break
            if answer.strip().lower().startswith("q"):
                return 0
    print()
    late = [t for t in state.taken if t.turn == state.turn and not state.over]
    if state.ending:
        print(f"Outcome: {state.ending.outcome} — {state.ending.title.rstrip('.')}. {state.ending.text}")
    else:
        print(
            f"Unfinished: the game stopped during turn {state.turn} of {state.turns_total}"
            + (f" ({len(late)} action(s) taken in it)" if late else "")
            + "."
        )
    return 0


def _turn_text(report, state) -> str:
    record = report.record
    end = f"{record.end:%H:%M}" if record.end.date() == record.start.date() else f"{record.end:%d %b %H:%M}"
    lines = [
        f"Turn {record.turn} · {record.start:%d %b %H:%M}–{end}",
        f"  reputation {record.reputation:.1f}   posts this turn {record.posts:,} (total {record.total_posts:,})"
        f"   negative {record.negative_share:.0%}   press {record.press:.0f}   reach {record.reach:,}",
    ]
    taken = [t for t in state.taken if t.turn == record.turn]
    lines.append("  actions: " + ("; ".join(t.label for t in taken) if taken else "none"))
    for t in taken:
        for change in t.changes:
            lines.append(f"    {change.describe()}")
    for event in report.events:
        lines.append(f"  event: {event.headline}")
    top = sorted(report.posts, key=lambda p: -(p.likes + 2 * p.reposts))[:3]
    for post in top:
        text = " ".join(post.text.split())
        lines.append(f"  @{post.author} ({post.likes:,} likes, {post.reposts:,} reposts): {text[:140]}")
    return "\n".join(lines)
