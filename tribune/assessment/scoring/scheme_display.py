"""A scheme document in words, for the scheme page: sections of (rule, value) rows and the
points table by outlet level × kind, so staff can read the rules without reading YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from tribune.assessment.scoring import engine


@dataclass
class Section:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)


def _pts(value) -> str:
    return _("%(n)s points") % {"n": engine.fmt(Decimal(str(value)))}


def _adjust(adj: dict | None) -> str:
    if not adj:
        return "—"
    parts = []
    if adj.get("multiplier") not in (None, 1):
        parts.append(f"×{adj['multiplier']}")
    if adj.get("bonus"):
        parts.append(f"{adj['bonus']:+}")
    return " ".join(parts) or "—"


def level_name(level: str) -> str:
    return engine.LEVEL_NAMES.get(level, level)


def points_table(doc: dict) -> dict:
    """Rows per level: the level's name and the points per kind column (None where it falls
    back to the level's default, shown as such)."""
    points = (doc.get("publication") or {}).get("points") or {}
    columns = ["default", *engine.KINDS]
    rows = []
    for level in engine.LEVELS:
        row = points.get(level)
        if row is None:
            continue
        rows.append({"level": level_name(level), "cells": [row.get(k) for k in columns]})
    return {"columns": [_("other outlets") if k == "default" else engine.KIND_NAMES[k] for k in columns],
            "rows": rows}


def sections(doc: dict) -> list[Section]:
    out = []
    sub = doc.get("submission") or {}
    s = Section(_("Submissions"))
    s.rows.append((_("Per submission to an outlet"), _pts(sub.get("points", 0))))
    if sub.get("monthly_cap_per_person") is not None:
        s.rows.append((_("At most per person per month"), _pts(sub["monthly_cap_per_person"])))
    out.append(s)

    pub = doc.get("publication") or {}
    s = Section(_("Publications"))
    s.rows.append((_("Published at several levels"), _("scores once, at the best publication")
                   if pub.get("levels", "highest") == "highest" else _("every publication scores")))
    for tier in pub.get("length_tiers") or ():
        s.rows.append((_("%(n)s characters or more") % {"n": tier["min_chars"]}, _adjust(tier)))
    if pub.get("combined"):
        s.rows.append((_("Used in a combined report (综合用稿)"), _adjust(pub["combined"])))
    for key, adj in (pub.get("placement") or {}).items():
        s.rows.append((engine.PLACEMENT_NAMES[key], _adjust(adj)))
    out.append(s)

    metrics = doc.get("metrics") or {}
    if metrics:
        s = Section(_("Reads and shares (latest figures in the year)"))
        for key, label in (("reads", _("Reads")), ("shares", _("Shares"))):
            rule = metrics.get(key)
            if not rule:
                continue
            words = [_("%(min)s or more: %(points)s") % {"min": f"{t['min']:,}", "points": _pts(t["points"])}
                     for t in rule.get("tiers", ())]
            if rule.get("every"):
                words.append(_("then %(points)s per further %(every)s") % {
                    "points": _pts(rule["every_points"]), "every": f"{rule['every']:,}"})
            if rule.get("max") is not None:
                words.append(_("at most %(points)s") % {"points": _pts(rule["max"])})
            s.rows.append((label, "；".join(words)))
        out.append(s)

    s = Section(_("Bonuses"))
    for level, value in (doc.get("reprint") or {}).items():
        s.rows.append((_("Reprinted by a %(level)s outlet") % {"level": level_name(level)}, _pts(value)))
    if doc.get("joint_report"):
        s.rows.append((_("Joint report with a media outlet"), _pts(doc["joint_report"])))
    for level, value in (doc.get("instruction") or {}).items():
        s.rows.append((_("Leadership instruction, %(level)s") % {"level": level_name(level)}, _pts(value)))
    if s.rows:
        out.append(s)

    ded = doc.get("deductions") or {}
    s = Section(_("Deductions"))
    minimum = ded.get("monthly_minimum")
    if minimum:
        who = (_("%(n)s per office") % {"n": minimum["minimum"]} if minimum.get("minimum") is not None
               else _("each office's own minimum"))
        s.rows.append((_("Monthly minimum missed (%(who)s), per missing manuscript") % {"who": who},
                       "-" + _pts(minimum["per_missing"])))
    if ded.get("commission_missed"):
        s.rows.append((_("Commissioned piece (约稿) not delivered by its due date"),
                       "-" + _pts(ded["commission_missed"])))
    if ded.get("withdrawn_for_error"):
        s.rows.append((_("Withdrawn for a factual error"), "-" + _pts(ded["withdrawn_for_error"])))
    if s.rows:
        out.append(s)

    credit = doc.get("credit") or {}
    caps = doc.get("caps") or {}
    s = Section(_("Credit and caps"))
    split = credit.get("split", "shares")
    s.rows.append((_("Split among authors"), {
        "shares": _("by the authors' shares"), "equal": _("equally"),
        "ratios": _("first authors by %(ratios)s") % {"ratios": ":".join(str(r) for r in credit.get("ratios", ()))},
    }[split]))
    s.rows.append((_("The office receives its manuscripts' points"),
                   _("yes") if credit.get("office_receives", True) else _("no")))
    if caps.get("per_manuscript") is not None:
        s.rows.append((_("At most per manuscript"), _pts(caps["per_manuscript"])))
    if caps.get("per_person_per_quarter") is not None:
        s.rows.append((_("At most per person per quarter"), _pts(caps["per_person_per_quarter"])))
    out.append(s)
    return out
