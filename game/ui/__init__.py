"""The Textual front end: title, briefing, play and debrief screens over the pure engine.

Nothing here decides a game rule: screens turn key presses into engine actions (through
:class:`game.engine.controller.GameController`) and redraw from ``game.state``.
"""
