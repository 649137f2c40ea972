"""Team workshops: several teams play one scenario with one seed while a facilitator watches and injects.

store.py      the shared state (SQLite in the data directory) behind a narrow API
codes.py      join and facilitator codes: random, read aloud, stored only as hashes
link.py       what ties one team's game to the store (progress, the lockstep gate, injects)
joining.py    from a code to a playable game (new or resumed from the team's session log)
dashboard.py  the facilitator's live Textual screen
report.py     the comparative debrief
"""
