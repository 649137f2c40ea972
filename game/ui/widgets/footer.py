"""The play screen's footer: Textual's Footer, laid out again only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, but a change of the screen's bindings that leaves the keys it shows as they
    are (a dialog opening over the play screen, then closing) does not rebuild it.

    Textual's Footer removes and mounts all its keys whenever its screen's bindings are refreshed,
    which happens as every dialog opens and closes: that was 7-18 ms of each (issue 21: every key
    under 50 ms), for a footer the dialog hides and that comes back the same."""

    _shown: tuple | None = None  # the keys drawn now, as compose() reads them

    def _keys(self) -> tuple:
        """Everything of the screen's active bindings that Footer.compose reads."""
        return tuple(
            (key, binding.key, binding.action, binding.description, binding.show, binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
        )

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            await self.recompose()
