"""The scheme's text format (YAML, documented in docs/scoring.md): parse, validate, dump, and
turn a validated document into the engine's `Scheme`.

A document is plain data (dicts, lists, str, int, float, bool, None) so it can be stored in a
JSONField and compared; `validate` returns it normalised (numbers as int where whole, keys in
the documented order) and collects every problem with the path where it is, in the user's
language, instead of stopping at the first.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import yaml
from django.utils.translation import gettext as _

from tribune.assessment.scoring import engine

LEVELS = engine.LEVELS
KINDS = engine.KINDS
PLACEMENTS = engine.PLACEMENTS

HEADER = """\
# 人大常委会宣传工作考核细则（计分规则）
# 格式说明见 docs/scoring.md。分值可为整数或最多两位小数；未写的规则不计分。
# levels: national 中央级, provincial 省级, city 市级, county 县级
# kinds: newspaper 报纸, magazine 杂志, website 网站, wechat 微信公众号, tv 电视,
#        app 新闻客户端, weibo 微博, platform 平台；default 为该级别其他媒体
"""


class SchemeFormatError(Exception):
    """The file or the edited rules are not a valid scheme; `errors` lists every problem."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


# --- Parsing and dumping -------------------------------------------------------------------

def parse(text: str) -> dict:
    """A validated document from YAML text, or SchemeFormatError naming every problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            raise SchemeFormatError([_("Line %(line)d: the file is not valid YAML (%(problem)s).") % {
                "line": mark.line + 1, "problem": getattr(exc, "problem", "") or ""}]) from None
        raise SchemeFormatError([_("The file is not valid YAML.")]) from None
    except (ValueError, OverflowError):  # a value YAML reads as a date that is none: 2026-02-30
        raise SchemeFormatError([_("The file is not valid YAML.")]) from None
    if data is None:
        raise SchemeFormatError([_("The scheme file is empty.")])
    return validate(data)


def dump(document: dict) -> str:
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
    return HEADER + body


# --- Validation ----------------------------------------------------------------------------

class _Checker:
    def __init__(self):
        self.errors: list[str] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(f"{path}：{message}" if path else message)

    def mapping(self, value, path: str, allowed: tuple[str, ...]) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(path, _("must be a set of named items (key: value)."))
            return {}
        for key in value:
            if key not in allowed:
                self.error(path, _("unknown item “%(key)s”; allowed: %(allowed)s.") % {
                    "key": key, "allowed": ", ".join(allowed)})
        return value

    def number(self, value, path: str, *, minimum=0, positive=False, maximum=None):
        """A number with at most two decimals, normalised to int or float; None if invalid."""
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self.error(path, _("must be a number."))
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.error(path, _("must be a number."))
            return None
        if not number.is_finite() or abs(number) > 1_000_000:
            self.error(path, _("must be a number between -1,000,000 and 1,000,000."))
            return None
        if number != number.quantize(Decimal("0.01")):
            self.error(path, _("may have at most two decimals."))
            return None
        if positive and number <= 0:
            self.error(path, _("must be greater than 0."))
            return None
        if minimum is not None and number < minimum:
            self.error(path, _("must not be negative."))
            return None
        if maximum is not None and number > maximum:
            self.error(path, _("must not be more than %(max)s.") % {"max": maximum})
            return None
        return int(number) if number == number.to_integral_value() else float(number)

    def integer(self, value, path: str, *, positive=False):
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(path, _("must be a whole number."))
            return None
        if value < 0 or (positive and value == 0):
            self.error(path, _("must be greater than 0.") if positive else _("must not be negative."))
            return None
        return value

    def choice(self, value, path: str, choices: tuple[str, ...]):
        if value not in choices:
            self.error(path, _("must be one of %(choices)s.") % {"choices": ", ".join(choices)})
            return None
        return value

    def adjust(self, value, path: str) -> dict | None:
        data = self.mapping(value, path, ("multiplier", "bonus"))
        if not data:
            if value is not None and isinstance(value, dict):
                self.error(path, _("needs a multiplier or a bonus."))
            return None
        out = {}
        if "multiplier" in data:
            out["multiplier"] = self.number(data["multiplier"], f"{path}.multiplier", positive=True, maximum=100)
        if "bonus" in data:
            out["bonus"] = self.number(data["bonus"], f"{path}.bonus", minimum=None)
        return out

    def level_points(self, value, path: str) -> dict:
        data = self.mapping(value, path, LEVELS)
        return {lv: self.number(data[lv], f"{path}.{lv}") for lv in LEVELS if lv in data}

    def metric(self, value, path: str) -> dict | None:
        data = self.mapping(value, path, ("tiers", "every", "every_points", "max"))
        if not data:
            return None
        tiers = data.get("tiers")
        out = {"tiers": []}
        if not isinstance(tiers, list) or not tiers:
            self.error(f"{path}.tiers", _("must list at least one tier (min, points)."))
        else:
            seen = set()
            for i, tier in enumerate(tiers, start=1):
                tpath = f"{path}.tiers[{i}]"
                t = self.mapping(tier, tpath, ("min", "points"))
                if "min" not in t or "points" not in t:
                    self.error(tpath, _("needs both min and points."))
                    continue
                minimum = self.integer(t["min"], f"{tpath}.min", positive=True)
                if minimum in seen:
                    self.error(tpath, _("two tiers have the same threshold."))
                seen.add(minimum)
                out["tiers"].append({"min": minimum, "points": self.number(t["points"], f"{tpath}.points")})
        if "every" in data or "every_points" in data:
            if "every" not in data or "every_points" not in data:
                self.error(path, _("every and every_points go together."))
            else:
                out["every"] = self.integer(data["every"], f"{path}.every", positive=True)
                out["every_points"] = self.number(data["every_points"], f"{path}.every_points")
        if "max" in data:
            out["max"] = self.number(data["max"], f"{path}.max")
        return out


TOP_KEYS = ("name", "submission", "publication", "metrics", "reprint", "joint_report", "instruction",
            "deductions", "credit", "caps")


def validate(data) -> dict:
    """The normalised document, or SchemeFormatError with every problem found."""
    c = _Checker()
    top = c.mapping(data, "", TOP_KEYS)
    if not isinstance(data, dict):
        raise SchemeFormatError(c.errors)
    doc: dict = {}
    name = top.get("name")
    if not isinstance(name, str) or not name.strip():
        c.error("name", _("the scheme needs a name."))
    elif len(name) > 100:
        c.error("name", _("the name is longer than 100 characters."))
    else:
        doc["name"] = name.strip()

    sub = c.mapping(top.get("submission"), "submission", ("points", "monthly_cap_per_person"))
    if sub:
        doc["submission"] = {"points": c.number(sub.get("points", 0), "submission.points")}
        if sub.get("monthly_cap_per_person") is not None:
            doc["submission"]["monthly_cap_per_person"] = c.number(
                sub["monthly_cap_per_person"], "submission.monthly_cap_per_person", positive=True)

    pub = c.mapping(top.get("publication"), "publication",
                    ("levels", "points", "length_tiers", "combined", "placement"))
    if pub:
        out = {"levels": c.choice(pub.get("levels", "highest"), "publication.levels", ("highest", "every"))}
        points = c.mapping(pub.get("points"), "publication.points", LEVELS)
        if not points:
            c.error("publication.points", _("give the points of at least one outlet level."))
        out["points"] = {}
        for level in LEVELS:
            if level in points:
                path = f"publication.points.{level}"
                row = c.mapping(points[level], path, ("default", *KINDS))
                out["points"][level] = {k: c.number(row[k], f"{path}.{k}") for k in ("default", *KINDS) if k in row}
        tiers = pub.get("length_tiers")
        if tiers is not None:
            if not isinstance(tiers, list):
                c.error("publication.length_tiers", _("must be a list."))
            else:
                out["length_tiers"] = []
                for i, tier in enumerate(tiers, start=1):
                    path = f"publication.length_tiers[{i}]"
                    t = c.mapping(tier, path, ("min_chars", "multiplier", "bonus"))
                    if "min_chars" not in t or not ({"multiplier", "bonus"} & set(t)):
                        c.error(path, _("needs min_chars and a multiplier or a bonus."))
                        continue
                    item = {"min_chars": c.integer(t["min_chars"], f"{path}.min_chars", positive=True)}
                    item.update(c.adjust({k: v for k, v in t.items() if k != "min_chars"}, path) or {})
                    out["length_tiers"].append(item)
        if pub.get("combined") is not None:
            out["combined"] = c.adjust(pub["combined"], "publication.combined")
        placement = c.mapping(pub.get("placement"), "publication.placement", PLACEMENTS)
        if placement:
            out["placement"] = {p: c.adjust(placement[p], f"publication.placement.{p}")
                                for p in PLACEMENTS if p in placement}
        doc["publication"] = out

    metrics = c.mapping(top.get("metrics"), "metrics", ("reads", "shares"))
    if metrics:
        doc["metrics"] = {k: c.metric(metrics[k], f"metrics.{k}") for k in ("reads", "shares") if k in metrics}
    if top.get("reprint") is not None:
        doc["reprint"] = c.level_points(top["reprint"], "reprint")
    if top.get("joint_report") is not None:
        doc["joint_report"] = c.number(top["joint_report"], "joint_report")
    if top.get("instruction") is not None:
        doc["instruction"] = c.level_points(top["instruction"], "instruction")

    ded = c.mapping(top.get("deductions"), "deductions",
                    ("monthly_minimum", "commission_missed", "withdrawn_for_error"))
    if ded:
        out = {}
        if ded.get("monthly_minimum") is not None:
            mm = c.mapping(ded["monthly_minimum"], "deductions.monthly_minimum", ("per_missing", "minimum"))
            if "per_missing" not in mm:
                c.error("deductions.monthly_minimum", _("needs per_missing (points per missing manuscript)."))
            out["monthly_minimum"] = {"per_missing": c.number(mm.get("per_missing", 0),
                                                              "deductions.monthly_minimum.per_missing")}
            if mm.get("minimum") is not None:
                out["monthly_minimum"]["minimum"] = c.integer(mm["minimum"], "deductions.monthly_minimum.minimum")
        for key in ("commission_missed", "withdrawn_for_error"):
            if ded.get(key) is not None:
                out[key] = c.number(ded[key], f"deductions.{key}")
        doc["deductions"] = out

    credit = c.mapping(top.get("credit"), "credit", ("split", "ratios", "office_receives"))
    out = {"split": c.choice(credit.get("split", "shares"), "credit.split", ("shares", "equal", "ratios"))}
    if out["split"] == "ratios":
        ratios = credit.get("ratios")
        if not isinstance(ratios, list) or not ratios or len(ratios) > 10:
            c.error("credit.ratios", _("list one to ten ratios, e.g. [3, 2]."))
        else:
            out["ratios"] = [c.number(r, f"credit.ratios[{i}]", positive=True) for i, r in enumerate(ratios, 1)]
    elif credit.get("ratios") is not None:
        c.error("credit.ratios", _("ratios are used only with split: ratios."))
    receives = credit.get("office_receives", True)
    if not isinstance(receives, bool):
        c.error("credit.office_receives", _("must be true or false."))
    out["office_receives"] = receives is not False
    doc["credit"] = out

    caps = c.mapping(top.get("caps"), "caps", ("per_manuscript", "per_person_per_quarter"))
    if caps:
        doc["caps"] = {k: c.number(caps[k], f"caps.{k}", positive=True)
                       for k in ("per_manuscript", "per_person_per_quarter") if caps.get(k) is not None}
    if c.errors:
        raise SchemeFormatError(c.errors)
    return doc


# --- To the engine -------------------------------------------------------------------------

def _d(value) -> Decimal:
    return Decimal(str(value))


def _adjust(data: dict | None) -> engine.Adjust:
    data = data or {}
    return engine.Adjust(_d(data.get("multiplier", 1)), _d(data.get("bonus", 0)))


def _metric(data: dict | None) -> engine.MetricRule | None:
    if not data:
        return None
    return engine.MetricRule(
        tiers=tuple(sorted((t["min"], _d(t["points"])) for t in data.get("tiers", ()))),
        every=data.get("every"),
        every_points=_d(data.get("every_points", 0)),
        max=_d(data["max"]) if data.get("max") is not None else None,
    )


def to_scheme(doc: dict) -> engine.Scheme:
    """The engine's Scheme from a validated document."""
    sub = doc.get("submission") or {}
    pub = doc.get("publication") or {}
    metrics = doc.get("metrics") or {}
    ded = doc.get("deductions") or {}
    credit = doc.get("credit") or {}
    caps = doc.get("caps") or {}
    minimum = ded.get("monthly_minimum") or {}
    return engine.Scheme(
        name=doc.get("name", ""),
        submission_points=_d(sub.get("points", 0)),
        submission_monthly_cap=_d(sub["monthly_cap_per_person"]) if "monthly_cap_per_person" in sub else None,
        publication_points={lv: {k: _d(v) for k, v in row.items()} for lv, row in (pub.get("points") or {}).items()},
        publication_levels=pub.get("levels", "highest"),
        length_tiers=tuple(
            engine.LengthTier(t["min_chars"], _d(t.get("multiplier", 1)), _d(t.get("bonus", 0)))
            for t in pub.get("length_tiers", ())
        ),
        combined=_adjust(pub.get("combined")),
        placement={p: _adjust(a) for p, a in (pub.get("placement") or {}).items()},
        reads=_metric(metrics.get("reads")),
        shares=_metric(metrics.get("shares")),
        reprint_points={lv: _d(v) for lv, v in (doc.get("reprint") or {}).items()},
        joint_report_points=_d(doc.get("joint_report", 0)),
        instruction_points={lv: _d(v) for lv, v in (doc.get("instruction") or {}).items()},
        minimum_per_missing=_d(minimum.get("per_missing", 0)),
        minimum_override=minimum.get("minimum"),
        commission_missed=_d(ded.get("commission_missed", 0)),
        withdrawn_error=_d(ded.get("withdrawn_for_error", 0)),
        credit_split=credit.get("split", "shares"),
        credit_ratios=tuple(_d(r) for r in credit.get("ratios", ())),
        office_receives=credit.get("office_receives", True),
        cap_per_manuscript=_d(caps["per_manuscript"]) if "per_manuscript" in caps else None,
        cap_per_person_quarter=_d(caps["per_person_per_quarter"]) if "per_person_per_quarter" in caps else None,
    )
