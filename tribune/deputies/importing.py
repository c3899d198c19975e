"""Reading a registry of deputies from an .xlsx file and checking every row before anything is
written. `preview` only reads: the view shows its result, and `services.deputies_import` runs it
again inside the transaction that writes.

Expected columns (first row, any order; Chinese or English headers): 姓名, 代表小组, 行业, 职业,
联系电话, 身份证号, 所在人大 (e.g. "区、市"), 届次, 任期开始, 备注.
"""

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from tribune.deputies.models import Deputy, SeatLevel, Sector
from tribune.kit import ooxml

MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000

HEADERS = {
    "name": ("姓名", "name"),
    "group": ("代表小组", "选区", "代表小组/选区", "group"),
    "sector": ("行业", "界别", "sector"),
    "occupation": ("职业", "工作单位及职务", "occupation"),
    "phone": ("联系电话", "电话", "手机", "phone"),
    "id_number": ("身份证号", "身份证号码", "id number", "id_number"),
    "levels": ("所在人大", "层级", "levels"),
    "term": ("届次", "term"),
    "started_on": ("任期开始", "任期开始日期", "term began", "started_on"),
    "note": ("备注", "note"),
}
REQUIRED = ("name", "group", "levels", "term", "started_on")

# Words people write in the sector column, checked in order (first match wins).
SECTOR_WORDS = [
    ("医", Sector.MEDICINE), ("药", Sector.MEDICINE), ("卫生", Sector.MEDICINE), ("medic", Sector.MEDICINE),
    ("建", Sector.CONSTRUCTION), ("construct", Sector.CONSTRUCTION),
    ("农", Sector.AGRICULTURE), ("agri", Sector.AGRICULTURE),
    ("教", Sector.EDUCATION), ("学", Sector.EDUCATION), ("educ", Sector.EDUCATION),
    ("企", Sector.ENTERPRISE), ("enterprise", Sector.ENTERPRISE),
    ("社区", Sector.COMMUNITY), ("村", Sector.COMMUNITY), ("community", Sector.COMMUNITY),
    ("党", Sector.GOVERNMENT), ("政", Sector.GOVERNMENT), ("机关", Sector.GOVERNMENT), ("govern", Sector.GOVERNMENT),
    ("其他", Sector.OTHER), ("other", Sector.OTHER),
]
LEVEL_WORDS = [
    ("全国", SeatLevel.NATIONAL), ("national", SeatLevel.NATIONAL),
    ("省", SeatLevel.PROVINCE), ("province", SeatLevel.PROVINCE),
    ("市", SeatLevel.CITY), ("city", SeatLevel.CITY),
    ("区", SeatLevel.COUNTY), ("县", SeatLevel.COUNTY), ("county", SeatLevel.COUNTY),
    ("乡", SeatLevel.TOWNSHIP), ("镇", SeatLevel.TOWNSHIP), ("township", SeatLevel.TOWNSHIP),
]

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


class ImportFileError(Exception):
    """The file as a whole cannot be read (not an .xlsx, too large, no header)."""


def id_check_digit(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def normalise_id_number(value) -> str:
    return str(value or "").strip().upper().replace(" ", "")


def valid_id_number(value: str) -> bool:
    """An 18-character resident ID number (GB 11643) with a correct check digit."""
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    return id_check_digit(value[:17]) == value[17]


def normalise_phone(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"[\s\-－()（）]", "", str(value or "").strip())


def valid_phone(value: str) -> bool:
    """A mobile number (11 digits starting with 1) or a landline with area code (7 to 12 digits)."""
    return bool(re.fullmatch(r"1\d{10}", value) or re.fullmatch(r"0?\d{7,11}", value))


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?", text)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        return None


def parse_sector(value) -> str | None:
    text = str(value or "").strip().lower()
    if not text:
        return Sector.OTHER
    for word, code in SECTOR_WORDS:
        if word in text:
            return code
    return None


def parse_levels(value) -> list[str] | None:
    parts = [p for p in re.split(r"[、,，/;；\s]+", str(value or "").strip().lower()) if p]
    levels = []
    for part in parts:
        code = next((c for word, c in LEVEL_WORDS if word in part), None)
        if code is None:
            return None
        if code not in levels:
            levels.append(code)
    return levels or None


@dataclass
class Row:
    line: int
    name: str = ""
    group: str = ""
    sector: str = ""
    occupation: str = ""
    phone: str = ""
    id_number: str = ""
    note: str = ""
    levels: list = field(default_factory=list)
    term: str = ""
    started_on: dt.date | None = None
    errors: list = field(default_factory=list)
    existing: bool = False  # already in the registry: skipped, not an error

    @property
    def seats(self) -> list[tuple[str, str, dt.date]]:
        return [(level, self.term, self.started_on) for level in self.levels]

    @property
    def status(self) -> str:
        return "error" if self.errors else ("existing" if self.existing else "new")


@dataclass
class ImportPreview:
    rows: list

    @property
    def errors(self) -> list:
        return [r for r in self.rows if r.errors]

    @property
    def new_rows(self) -> list:
        return [r for r in self.rows if not r.errors and not r.existing]

    @property
    def existing_rows(self) -> list:
        return [r for r in self.rows if not r.errors and r.existing]


def _read_sheet(data: bytes) -> list[tuple]:
    if not data or len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is empty or larger than 1 MB."))
    if not data.startswith(b"PK\x03\x04"):
        raise ImportFileError(_("Only Excel .xlsx files can be imported; this file is not one."))
    from openpyxl import load_workbook

    try:
        ooxml.open_package(data, ooxml.Limits(max_file_bytes=MAX_BYTES, max_total_bytes=50 * 1024 * 1024))
    except ooxml.PackageError as exc:
        raise ImportFileError(str(exc)) from exc
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                raise ImportFileError(_("The file has more than %(n)s rows.") % {"n": MAX_ROWS})
        workbook.close()
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError, SyntaxError) as exc:
        # SyntaxError: the XML parser's ParseError, for a part that is not well-formed.
        raise ImportFileError(_("Only Excel .xlsx files can be imported; this file is not one.")) from exc
    return rows


def _columns(header: tuple) -> dict[str, int]:
    names = [str(h or "").strip().lower() for h in header]
    columns = {}
    for key, aliases in HEADERS.items():
        for index, name in enumerate(names):
            if name in aliases:
                columns[key] = index
                break
    missing = [HEADERS[k][0] for k in REQUIRED if k not in columns]
    if missing:
        raise ImportFileError(_("The first row must name the columns; missing: %(names)s")
                              % {"names": "、".join(missing)})
    return columns


def _cell(values: tuple, columns: dict, key: str):
    index = columns.get(key)
    if index is None or index >= len(values):
        return None
    return values[index]


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def _check_row(line: int, values: tuple, columns: dict) -> Row:
    row = Row(line=line)
    row.name = _text(_cell(values, columns, "name"))
    row.group = _text(_cell(values, columns, "group"))
    row.occupation = _text(_cell(values, columns, "occupation"))[:120]
    row.note = _text(_cell(values, columns, "note"))[:200]
    row.term = _text(_cell(values, columns, "term"))
    if not row.name:
        row.errors.append(_("the name is empty"))
    elif len(row.name) > 40:
        row.errors.append(_("the name is longer than 40 characters"))
    if not row.group:
        row.errors.append(_("the deputy group is empty"))
    elif len(row.group) > 60:
        row.errors.append(_("the deputy group is longer than 60 characters"))
    sector = parse_sector(_cell(values, columns, "sector"))
    if sector is None:
        row.errors.append(_("unknown sector “%(value)s”") % {"value": _text(_cell(values, columns, "sector"))})
    row.sector = sector or ""
    row.phone = normalise_phone(_cell(values, columns, "phone"))
    if row.phone and not valid_phone(row.phone):
        row.errors.append(_("the phone number is not valid"))
    row.id_number = normalise_id_number(_cell(values, columns, "id_number"))
    if row.id_number and not valid_id_number(row.id_number):
        row.errors.append(_("the ID number is not valid"))
    levels = parse_levels(_cell(values, columns, "levels"))
    if levels is None:
        row.errors.append(_("the congress levels are missing or unknown (write e.g. 区、市)"))
    row.levels = levels or []
    if not row.term or len(row.term) > 20:
        row.errors.append(_("the term is missing (write e.g. 第十届)"))
    row.started_on = parse_date(_cell(values, columns, "started_on"))
    if row.started_on is None:
        row.errors.append(_("the date the term began is missing or not a date"))
    return row


def preview(congress, data: bytes) -> ImportPreview:
    """Every row checked: values, duplicates within the file (by ID number or name and group) and
    deputies already in the registry (skipped). Raises ImportFileError for an unreadable file."""
    rows = _read_sheet(data)
    if not rows:
        raise ImportFileError(_("The spreadsheet is empty."))
    columns = _columns(rows[0])
    checked = []
    by_id: dict[str, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    for line, values in enumerate(rows[1:], start=2):
        if not any(_text(v) for v in values):
            continue
        row = _check_row(line, values, columns)
        if row.id_number and row.id_number in by_id:
            row.errors.append(_("same ID number as row %(line)s") % {"line": by_id[row.id_number]})
        elif row.name and (row.name, row.group) in by_name:
            row.errors.append(_("same name and group as row %(line)s") % {"line": by_name[(row.name, row.group)]})
        if row.id_number:
            by_id.setdefault(row.id_number, line)
        by_name.setdefault((row.name, row.group), line)
        checked.append(row)
    if not checked:
        raise ImportFileError(_("The file has no rows under the header."))
    known_ids = set(Deputy.objects.filter(congress=congress).exclude(id_number="")
                    .values_list("id_number", flat=True))
    known_names = set(Deputy.objects.filter(congress=congress).values_list("name", "group"))
    for row in checked:
        if (row.id_number and row.id_number in known_ids) or (row.name, row.group) in known_names:
            row.existing = True
    return ImportPreview(rows=checked)
