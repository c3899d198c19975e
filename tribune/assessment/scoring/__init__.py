"""Scoring: the scheme (考核细则) and the ledger (计分明细) it produces.

- `engine/`: the pure engine (facts and a scheme in, ledger entries out; no Django).
- `periods`: months and quarters as values (pure, shared with the reports).
- `scheme_format`, `scheme_display`, `defaults`: the scheme as YAML, in words, and the rules a
  new scheme starts from; `schemes`: its use cases (create, edit, import).
- `registry`: the one declaration of the facts scoring reads, from which the signals, the
  fingerprint and the coverage test are derived; `loading`: those facts from the database into
  the engine's data classes; `fingerprint`: a cheap figure of them, to find a stale ledger.
- `ledger`: recomputing and ranking; `selectors`: reading the ledger as it stands.

Nothing here imports `assessment.reports`: the reports read scoring, never the reverse.
"""
