"""The command palette (Ctrl+P): every action of the play screen by name, with why it is closed."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from game.ui.literal import one_line
from game.ui.tagwords import action_label
from game.ui.widgets.actions import ident_of, key_map


class GameCommands(Provider):
    """Offers the current game's actions (only on the play screen)."""

    def _commands(self):
        from game.ui.screens.play import PlayScreen

        screen = self.screen
        if not isinstance(screen, PlayScreen):
            return []
        commands = []
        options = screen.game.available_actions()
        keys = key_map(options)
        for option in options:
            ident = ident_of(option)
            key = keys.get(ident, "")
            name = one_line(action_label(screen.game.scenario, option)) + (f" ({key})" if key else "")
            help_text = one_line(option.description) if option.available else f"not now: {one_line(option.reason)}"
            commands.append((name, partial(screen.action_act, ident), help_text))
        commands.append(("End the turn [e]", screen.action_end_turn, "Let the crowd, the press and events play out"))
        commands.append(("Help: meters, actions, why things moved [?]", screen.action_help, ""))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
