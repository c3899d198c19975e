"""Reading a statistics sheet and matching its rows to publications — pure Python, no Django.

A WeChat official account backend or a media centre exports one row per article: title,
publish time, reads, shares, likes, address. Headers vary between platforms and versions
(阅读数 / 阅读量 / 阅读次数, 分享数 / 转发数 …), numbers come as "12,345", "1.2万" or "10万+", and
dates in half a dozen shapes. This module turns raw cells into `SheetRow`s and matches them to
`Candidate` publications: first by address (the strongest evidence), then by title and date.

Errors are raised as `SheetError(code, **params)`; the caller turns the code into a translated
message, since this module knows nothing of Django's translation machinery.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

# Column → accepted header spellings (compared after `normalize_header`). The first group of
# each list is what WeChat's backend exports, the rest what media centres and hand-made sheets use.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("标题", "文章标题", "稿件标题", "内容标题", "作品标题", "名称", "title"),
    "published": ("发布时间", "发表时间", "发布日期", "群发时间", "推送时间", "发文时间", "刊发日期", "时间", "日期",
                  "publishtime", "published", "date"),
    "reads": ("阅读数", "阅读量", "阅读次数", "阅读人数", "总阅读数", "总阅读量", "浏览量", "浏览数", "点击量",
              "点击数", "播放量", "reads", "views"),
    "shares": ("分享数", "分享量", "分享次数", "分享人数", "转发数", "转发量", "转发次数", "shares"),
    "likes": ("点赞数", "点赞量", "点赞次数", "点赞人数", "点赞", "likes"),
    "comments": ("评论数", "评论量", "留言数", "留言量", "comments"),
    "address": ("链接", "地址", "文章链接", "原文链接", "文章地址", "链接地址", "网址", "url", "link", "address"),
}
REQUIRED = ("title", "reads")
HEADER_SEARCH_ROWS = 10  # exports often start with a caption line or two before the header
DATE_WINDOW = 2  # days between a sheet's publish time and the recorded publication date


class SheetError(Exception):
    """A sheet that cannot be read. `code` names the problem; `params` fill its message."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class SheetRow:
    line: int  # 1-based line in the file, for messages and the preview
    title: str
    published: dt.date | None
    reads: int
    shares: int = 0
    likes: int = 0
    comments: int = 0
    address: str = ""

    def values(self) -> dict:
        return {"reads": self.reads, "shares": self.shares, "likes": self.likes, "comments": self.comments}


@dataclass(frozen=True)
class Candidate:
    """A publication as the matcher sees it."""

    id: int
    title: str
    published_on: dt.date
    address: str = ""


@dataclass
class RowMatch:
    row: SheetRow
    status: str  # matched | ambiguous | unmatched
    candidate_ids: list[int] = field(default_factory=list)
    how: str = ""  # address | title


# --- Headers ----------------------------------------------------------------------------------

def normalize_header(text) -> str:
    """'阅读数（次）', ' 阅读数 ', 'Reads' → '阅读数', '阅读数', 'reads'."""
    text = unicodedata.normalize("NFKC", str(text or "")).replace("\ufeff", "")
    text = re.sub(r"\(.*?\)", "", text)
    return re.sub(r"[\s_\-:：]", "", text).lower()


def column_for(header) -> str | None:
    name = normalize_header(header)
    if not name:
        return None
    for column, aliases in HEADER_ALIASES.items():
        if name in aliases:
            return column
    return None


def map_headers(cells: Sequence) -> dict[str, int]:
    """Column name → index in the row; the first occurrence wins."""
    mapping: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = column_for(cell)
        if column and column not in mapping:
            mapping[column] = index
    return mapping


def find_header(rows: Sequence[Sequence]) -> tuple[int, dict[str, int]]:
    """The index of the header row among the first rows, and its mapping."""
    best: tuple[int, dict[str, int]] | None = None
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = map_headers(cells)
        if all(column in mapping for column in REQUIRED):
            return index, mapping
        if mapping and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    found = best[1] if best else {}
    missing = [column for column in REQUIRED if column not in found]
    raise SheetError("missing_columns", columns=missing)


# --- Values -----------------------------------------------------------------------------------

_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)(万|w|k|千)?\+?$")


def parse_count(value) -> int:
    """12345, 12345.0, '12,345', '1.2万', '10万+', '' → int. Raises ValueError otherwise."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        if value < 0:
            raise ValueError(value)
        return value
    if isinstance(value, float):
        if value < 0 or value != value or value != int(value):
            raise ValueError(value)
        return int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "").replace(" ", "").lower()
    if text in ("", "-", "--", "—"):
        return 0
    found = _NUMBER.match(text)
    if not found:
        raise ValueError(value)
    number, unit = float(found.group(1)), found.group(2)
    number *= {"万": 10000, "w": 10000, "k": 1000, "千": 1000}.get(unit, 1)
    if unit is None and number != int(number):
        raise ValueError(value)
    return round(number)


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value) -> dt.date | None:
    """A datetime/date cell, '2026-10-05 12:30', '2026/10/5', '2026年10月5日', '20261005' → date;
    empty → None. Raises ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    found = _DATE.match(text) or _COMPACT_DATE.match(text)
    if not found:
        raise ValueError(value)
    year, month, day = (int(part) for part in found.groups())
    return dt.date(year, month, day)  # ValueError on 2026-02-30


def read_rows(rows: Sequence[Sequence], *, first_line: int = 1) -> list[SheetRow]:
    """Raw rows (header somewhere near the top) → SheetRows. Blank rows are skipped; a bad
    number or date raises SheetError naming the line and column."""
    header_index, mapping = find_header(rows)
    result = []
    for offset, cells in enumerate(rows[header_index + 1:], start=header_index + 1):
        line = first_line + offset

        def cell(column, cells=cells):
            index = mapping.get(column)
            return cells[index] if index is not None and index < len(cells) else None

        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        title = unicodedata.normalize("NFKC", str(cell("title") or "")).strip()
        if not title:
            # Summary lines (合计, 总计) carry numbers but no title: nothing to match.
            continue
        counts = {}
        for column in ("reads", "shares", "likes", "comments"):
            try:
                counts[column] = parse_count(cell(column))
            except ValueError:
                raise SheetError("bad_number", line=line, column=column, value=str(cell(column))[:40]) from None
        try:
            published = parse_date(cell("published"))
        except ValueError:
            raise SheetError("bad_date", line=line, value=str(cell("published"))[:40]) from None
        address = str(cell("address") or "").strip()
        result.append(SheetRow(line=line, title=title[:200], published=published, address=address[:500], **counts))
    if not result:
        raise SheetError("empty")
    return result


# --- Matching ---------------------------------------------------------------------------------

_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)
# Query parameters that identify nothing: WeChat adds them to every shared link.
_NOISE_PARAMS = {"chksm", "scene", "from", "isappinstalled", "sharer_sharetime", "sharer_shareid", "clicktime",
                 "enterid", "subscene", "ascene", "devicetype", "version", "nettype", "lang", "pass_ticket",
                 "wx_header", "key", "exportkey", "sessionid", "utm_source", "utm_medium", "utm_campaign", "spm"}


def normalize_title(text: str) -> str:
    """Width, case, spaces and punctuation do not tell two titles apart."""
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def normalize_address(text: str) -> str:
    """'https://mp.weixin.qq.com/s?__biz=X&mid=1&idx=1&sn=a&chksm=…#rd' → 'mp.weixin.qq.com/s?__biz=X&idx=1&mid=1&sn=a'.
    Not a web address (a page number such as '第3版') → the text without spaces."""
    text = unicodedata.normalize("NFKC", (text or "").strip())
    if not text:
        return ""
    if "://" not in text and not text.lower().startswith("www.") and "/" not in text:
        return re.sub(r"\s+", "", text).lower()
    parts = urlsplit(text if "://" in text else "//" + text)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    params = sorted((k, v) for k, v in parse_qsl(parts.query) if k.lower() not in _NOISE_PARAMS)
    query = "&".join(f"{k}={v}" for k, v in params)
    return f"{host}{path}" + (f"?{query}" if query else "")


def is_web_address(text: str) -> bool:
    """A page number (第3版) is shared by every piece on that page of every issue: only a web
    address identifies one publication."""
    text = (text or "").strip().lower()
    return "://" in text or text.startswith("www.") or ("/" in text and "." in text.split("/")[0])


def match_rows(rows: Iterable[SheetRow], candidates: Iterable[Candidate], *,
               window: int = DATE_WINDOW) -> list[RowMatch]:
    """Each row matched to the publications it may be.

    By web address first: an equal normalized address is a match whatever the title says. Then by
    title: equal normalized titles published within `window` days (any date when the sheet has
    none); failing that, one title containing the other (at least 8 characters) within the window.
    One candidate is a match, several are ambiguous (the user picks), none is unmatched.
    """
    candidates = list(candidates)
    by_address: dict[str, list[Candidate]] = {}
    by_title: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if is_web_address(candidate.address):
            by_address.setdefault(normalize_address(candidate.address), []).append(candidate)
        by_title.setdefault(normalize_title(candidate.title), []).append(candidate)

    def near(candidate: Candidate, row: SheetRow) -> bool:
        return row.published is None or abs((candidate.published_on - row.published).days) <= window

    results = []
    for row in rows:
        found: list[Candidate] = []
        how = ""
        address = normalize_address(row.address) if is_web_address(row.address) else ""
        if address and address in by_address:
            found, how = by_address[address], "address"
        else:
            title = normalize_title(row.title)
            found = [c for c in by_title.get(title, []) if near(c, row)]
            if not found and len(title) >= 8:
                found = [c for key, group in by_title.items() if len(key) >= 8 and (title in key or key in title)
                         for c in group if near(c, row)]
            how = "title" if found else ""
        ids = sorted({c.id for c in found})
        status = "matched" if len(ids) == 1 else "ambiguous" if ids else "unmatched"
        results.append(RowMatch(row=row, status=status, candidate_ids=ids, how=how))
    return results
