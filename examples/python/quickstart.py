"""A notebook-style tour of the protecteu Python package.

Run it as a script (``python examples/python/quickstart.py``) or paste the cells (``# %%``)
into Jupyter. It is type-checked with ``mypy --strict`` in CI. Needs ``pip install
'./bindings/python[pandas]'``.
"""

# %% Load the embedded model (validated and indexed once)
from __future__ import annotations

import datetime

import pandas as pd

import protecteu

s: protecteu.Strategy = protecteu.load()
print(f"ProtectEU data set {s.dataset_version}, as of {s.as_of:%d %B %Y}")
print(f"{len(s.actions())} actions, {len(s.actors)} actors, {len(s.instruments)} instruments")

# %% Filter: Europol's actions due by the end of 2026
europol: list[protecteu.Action] = s.actions(actor="europol", due_by=2026)
for a in europol:
    deadline: datetime.date | None = a.timing.deadline
    print(f"{a.id:45} {deadline}  {a.title}")

# %% Where things stand: overdue on a date, and legislative proposals already tabled
overdue = s.actions(progress=protecteu.Progress.OVERDUE, as_of=datetime.date(2026, 6, 30))
print("overdue on 30 June 2026:", [a.id for a in overdue])
tabled = s.actions(kind=protecteu.ActionKind.LEGISLATIVE_PROPOSAL, status="proposed")
print("legislative proposals tabled:", [a.id for a in tabled])

# %% Look up by id; a typo gets a hint
try:
    s.action("europol-mandate-revison")
except protecteu.NotFoundError as e:
    print(e)

# %% Search every kind of entity
for hit in s.search("encryption", limit=5):
    print(f"{hit.score:5.1f}  {hit.kind:10} {hit.id}  {hit.title}")

# %% Timeline: what is due when
for group in s.timeline(as_of="2026-01-01").groups:
    print(group.label, [e.action.id for e in group.entries])

# %% Counts
stats = s.stats()
print({c.key: c.count for c in stats.by_status})

# %% A DataFrame of actions, then a pivot of actions per section and progress
df: pd.DataFrame = s.to_pandas("actions")
print(df[["id", "section_number", "kind", "status", "progress", "deadline"]].head(10))
print(pd.crosstab(df["section_number"], df["progress"]))

# %% Plain records work without pandas too
rows: list[dict[str, object]] = s.records("actors")
print(rows[0])
