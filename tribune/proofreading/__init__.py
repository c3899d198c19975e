"""Proofreading: a manuscript's text checked against lexicons, leaders' names and format rules.

The pure core lives in `core/` (no Django import); the Django side (per-congress lexicons,
the manuscript page, the command) builds a `core.Proofreader` and calls `check`.
"""
