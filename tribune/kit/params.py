"""One strict parser for the values a request carries: ids, whole numbers, dates, months,
years, choices, flags and short text, from the query string or form data.

Why strict: `"²".isdigit()` is true and `int("²")` fails, `int("１２")` is 12, and Python's
dates run from year 1 to 9999, so a page that adds a day to 9999-12-31 fails. Here a number is
ASCII digits only, an id fits a positive 64-bit integer, and every date lies between MIN_DATE and
MAX_DATE, defined once for the whole project (forms use the same bounds, see `kit.forms`).

Each view DECLARES the parameters it reads, with the `query` decorator (query string) or the
`posted` decorator (form data read without a form):

    @member_required
    @params.query(month=params.Month(), view=params.Choice("month", "week", default="month"))
    def calendar(request):
        month = request.query.month      # a datetime.date (the 1st), or None

A bad value in a query string is dropped, and the page says so in a message (the page still
answers). A bad value in posted data is a 400 whose page gives the reason. The declarations are
read back by the fuzz guard (`declared(view)`), which sends every declared parameter bad
values and expects no server error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import wraps

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

from tribune.kit import text as kit_text

MIN_DATE = dt.date(2000, 1, 1)
MAX_DATE = dt.date(2099, 12, 31)
MAX_ID = 2**63 - 1  # a 64-bit signed primary key, on SQLite and PostgreSQL alike
MAX_INT = 2**63 - 1

_INT = re.compile(r"[+-]?[0-9]{1,19}")
_ID = re.compile(r"[0-9]{1,19}")
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_YEAR = re.compile(r"[0-9]{4}")
_ASCII_SPACE = " \t\r\n"


class BadParameter(BadRequest):
    """A request value that does not parse; its message is for the person (Chinese)."""

    def __init__(self, message, name: str = ""):
        super().__init__(message)
        self.message, self.name = message, name


def _bad(message) -> BadParameter:
    return BadParameter(message)


# --- The parsers ---------------------------------------------------------------------------

def parse_int(raw, *, min_value: int = -MAX_INT, max_value: int = MAX_INT) -> int:
    """A whole number written with ASCII digits (an optional sign), within the bounds."""
    value = str(raw).strip(_ASCII_SPACE)
    if not _INT.fullmatch(value):
        raise _bad(_("Write a whole number with the digits 0–9."))
    number = int(value)
    if not min_value <= number <= max_value:
        raise _bad(_("The number must lie between %(min)s and %(max)s.") % {"min": min_value, "max": max_value})
    return number


def parse_id(raw) -> int:
    """A record's id: a positive whole number that fits a 64-bit database key."""
    value = str(raw).strip(_ASCII_SPACE)
    if not _ID.fullmatch(value) or not 1 <= int(value) <= MAX_ID:
        raise _bad(_("Not a valid record number."))
    return int(value)


def is_id(raw) -> bool:
    try:
        parse_id(raw)
    except BadParameter:
        return False
    return True


def check_date(day: dt.date) -> dt.date:
    if not MIN_DATE <= day <= MAX_DATE:
        raise _bad(_("The date must lie between %(min)s and %(max)s.") % {
            "min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat()})
    return day


def parse_date(raw) -> dt.date:
    """A date written YYYY-MM-DD with ASCII digits, between MIN_DATE and MAX_DATE."""
    match = _DATE.fullmatch(str(raw).strip(_ASCII_SPACE))
    if not match:
        raise _bad(_("Write the date as YYYY-MM-DD, e.g. 2026-03-05."))
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _bad(_("There is no such date.")) from None
    return check_date(day)


def parse_month(raw) -> dt.date:
    """A month written YYYY-MM, as its first day; within the date bounds."""
    match = _MONTH.fullmatch(str(raw).strip(_ASCII_SPACE))
    if not match or not 1 <= int(match[2]) <= 12:
        raise _bad(_("Write the month as YYYY-MM, e.g. 2026-03."))
    return check_date(dt.date(int(match[1]), int(match[2]), 1))


def parse_year(raw) -> int:
    value = str(raw).strip(_ASCII_SPACE)
    if not _YEAR.fullmatch(value) or not MIN_DATE.year <= int(value) <= MAX_DATE.year:
        raise _bad(_("The year must be a year between %(min)s and %(max)s.") % {
            "min": MIN_DATE.year, "max": MAX_DATE.year})
    return int(value)


def parse_text(raw, *, max_length: int, multiline: bool = False) -> str:
    """Text without control characters, trimmed, at most `max_length` characters."""
    value = kit_text.clean(str(raw), multiline=multiline).strip()
    if len(value) > max_length:
        raise _bad(_("At most %(n)s characters.") % {"n": max_length})
    return value


# --- Declarations ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    """One declared parameter: its kind, its default, and for choices the values allowed."""

    kind: str
    default: object = None
    choices: tuple = ()
    min_value: int | None = None
    max_value: int | None = None
    max_length: int = 200
    many: bool = False  # every value of the name (getlist), each parsed alike
    multiline: bool = False  # text: keeps line breaks

    def parse(self, raw):
        if self.kind == "id":
            return parse_id(raw)
        if self.kind == "int":
            return parse_int(raw, min_value=self.min_value if self.min_value is not None else -MAX_INT,
                             max_value=self.max_value if self.max_value is not None else MAX_INT)
        if self.kind == "date":
            return parse_date(raw)
        if self.kind == "month":
            return parse_month(raw)
        if self.kind == "year":
            return parse_year(raw)
        if self.kind == "choice":
            value = str(raw).strip(_ASCII_SPACE)
            if value not in self.choices:
                raise _bad(_("Not one of the values offered."))
            return value
        if self.kind == "flag":
            value = str(raw).strip(_ASCII_SPACE).lower()
            if value in ("1", "true", "on", "yes"):
                return True
            if value in ("", "0", "false", "off", "no"):
                return False
            raise _bad(_("Not one of the values offered."))
        if self.kind == "text":
            return parse_text(raw, max_length=self.max_length, multiline=self.multiline)
        raise ValueError(f"unknown parameter kind {self.kind}")


def Id(default=None) -> Param:
    return Param("id", default)


def Ids() -> Param:
    return Param("id", (), many=True)


def Int(*, min_value: int, max_value: int, default=None) -> Param:
    return Param("int", default, min_value=min_value, max_value=max_value)


def Date(default=None) -> Param:
    return Param("date", default)


def Month(default=None) -> Param:
    return Param("month", default)


def Year(default=None) -> Param:
    return Param("year", default)


def Choice(*choices, default=None) -> Param:
    return Param("choice", default, choices=tuple(str(c) for c in choices))


def Flag() -> Param:
    return Param("flag", False)


def Text(max_length: int = 200, default="", multiline: bool = False) -> Param:
    return Param("text", default, max_length=max_length, multiline=multiline)


class Values:
    """The parsed parameters of one request, as attributes; `errors` maps a name to its reason
    and `given` holds the names that came with a valid value."""

    def __init__(self):
        self.errors: dict[str, str] = {}
        self.given: set[str] = set()

    def __getitem__(self, name):  # for names that are Python keywords: values["from"]
        return getattr(self, name)

    def __repr__(self):
        return f"Values({ {k: v for k, v in vars(self).items() if k not in ('errors', 'given')} })"


@dataclass(frozen=True)
class Query:
    """What a view reads from the query string (`source="GET"`) or the form data (`"POST"`),
    and for the fuzz guard the forms it binds to the query string (`forms`)."""

    params: dict = field(default_factory=dict)
    source: str = "GET"
    forms: tuple = ()
    on_error: str = "warn"  # GET: a message on the page; POST: "400", or "view" (the view reads .errors)

    def parse(self, data) -> Values:
        values = Values()
        for name, param in self.params.items():
            raw = data.getlist(name) if param.many else data.get(name)
            value = param.default
            try:
                if param.many:
                    value = [param.parse(r) for r in raw if str(r).strip(_ASCII_SPACE)]
                elif raw is not None and str(raw).strip(_ASCII_SPACE) != "":
                    value = param.parse(raw)
                    values.given.add(name)
            except BadParameter as error:
                values.errors[name] = str(error.message)
                value = param.default
            setattr(values, name, value)
        return values


def _declare(view, declaration: Query):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        data = request.GET if declaration.source == "GET" else request.POST
        values = declaration.parse(data)
        if values.errors:
            name, reason = next(iter(values.errors.items()))
            message = _("The value of “%(name)s” was not understood: %(reason)s") % {"name": name, "reason": reason}
            if declaration.on_error == "400" and request.method == "POST":
                raise BadParameter(message, name)
            if declaration.on_error == "warn":
                messages.warning(request, message)
        setattr(request, "query" if declaration.source == "GET" else "posted", values)
        return view(request, *args, **kwargs)

    # functools.wraps copied the view's attributes; the new declaration joins those of inner
    # decorators, and every outer decorator that uses wraps carries the list outwards.
    wrapped.declared_params = (*getattr(view, "declared_params", ()), declaration)
    return wrapped


def query(*, forms=(), **params):
    """Declare (and parse into `request.query`) the query-string parameters a view reads."""
    return lambda view: _declare(view, Query(params=params, source="GET", forms=tuple(forms)))


def posted(*, on_error="400", **params):
    """Declare (and parse into `request.posted`) form data a view reads without a form; a bad
    value in a POST is a 400 whose page gives the reason, unless `on_error="view"`: then the
    bad value reads as its default and the view says what is wrong (`request.posted.errors`)."""
    return lambda view: _declare(view, Query(params=params, source="POST", on_error=on_error))


def declared(view) -> tuple[Query, ...]:
    """The declarations of a view (through every decorator that kept them)."""
    found = getattr(view, "declared_params", None)
    while found is None and hasattr(view, "__wrapped__"):
        view = view.__wrapped__
        found = getattr(view, "declared_params", None)
    return tuple(found or ())
