"""格式 checks: doubled characters, unbalanced paired punctuation, half-width punctuation in
Chinese text, and dates not written the standard way.

The rules and their sources:
- Punctuation: GB/T 15834-2011《标点符号用法》 — Chinese text takes full-width marks (，：；？！
  （）“”); paired marks close within their paragraph, except a quotation running over several
  paragraphs, which reopens “ at each paragraph and closes only at the last (so an unclosed “
  followed by a paragraph opening with “ is correct).
- Dates: GB/T 15835-2011《出版物上数字用法》 and GB/T 9704-2012《党政机关公文格式》 — year,
  month and day in Arabic numerals, the year in full, no padding zero (2026年1月1日, never
  2026年01月01日, 26年, 2026-1-1 or 2026.1.1). A date in Chinese numerals (二〇二六年) was the
  公文 rule until 2012 and is still seen on some signatures: reported as a hint (提示), not as an
  error, so a writer quoting an old document can keep it.
- Doubled characters: only characters whose doubling is almost never correct (的的, 了了, 们们 …),
  each with the contexts where it is (目的的, 为了了解, 不了了之, 实实在在): Chinese is full of
  correct doubles across word boundaries (常委会会议, 全市市场, 人民民主), so a blanket rule
  on repeated characters would raise false alarms on every page.
"""

from __future__ import annotations

import re

from tribune.proofreading.core.findings import FORMAT, HINT, NORMAL, Finding

PUNCTUATION_SOURCE = "GB/T 15834-2011《标点符号用法》"
DATE_SOURCE = "GB/T 15835-2011《出版物上数字用法》、GB/T 9704-2012《党政机关公文格式》"

CHINESE_MARKS = "，。、；：？！“”‘’（）《》〈〉【】…—·「」『』"


def is_chinese(ch: str) -> bool:
    """A CJK ideograph or a full-width Chinese punctuation mark."""
    return ("\u4e00" <= ch <= "\u9fff") or ("\u3400" <= ch <= "\u4dbf") or ch in CHINESE_MARKS


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest character from i in direction step that is not a space or tab (stays in the line)."""
    n = len(text)
    while 0 <= i < n:
        ch = text[i]
        if ch == "\n":
            return ""
        if ch not in " \t\u3000":
            return ch
        i += step
    return ""


# --- Half-width punctuation --------------------------------------------------------------------

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
HALF_RE = re.compile(r'[,:;?!()"]')


def half_width(text: str) -> list[Finding]:
    found = []
    quotes_in_line: dict[int, int] = {}
    for match in HALF_RE.finditer(text):
        i = match.start()
        ch = text[i]
        before, after = _neighbour(text, i - 1, -1), _neighbour(text, i + 1, 1)
        if ch == '"':
            if not (is_chinese(before) or is_chinese(after)):
                continue
            line_start = text.rfind("\n", 0, i) + 1
            seen = quotes_in_line.get(line_start, 0)
            quotes_in_line[line_start] = seen + 1
            suggestion = "“" if seen % 2 == 0 else "”"
            found.append(_half(i, ch, suggestion))
            continue
        if ch in "()":
            if _paren_in_chinese(text, i):
                found.append(_half(i, ch, FULL_WIDTH[ch]))
            continue
        if ch in ",:" and before.isdigit() and after.isdigit():
            continue  # 2,000 and 10:30
        if is_chinese(before) or is_chinese(after):
            found.append(_half(i, ch, FULL_WIDTH[ch]))
    return found


def _paren_in_chinese(text: str, i: int) -> bool:
    """A half-width parenthesis is Chinese text's when the pair it belongs to touches or holds
    Chinese: (1)加强 has its ")" next to 加, so its "(" is reported with it."""
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    if text[i] == "(":
        close = text.find(")", i + 1, min(line_end, i + 60))
        open_, close_ = i, close
    else:
        open_ = text.rfind("(", max(line_start, i - 60), i)
        close_ = i
    if open_ >= 0 and close_ >= 0 and open_ < close_:
        inner = text[open_ + 1:close_]
        around = (_neighbour(text, open_ - 1, -1), _neighbour(text, close_ + 1, 1))
        return any(is_chinese(c) for c in around) or any(is_chinese(c) for c in inner)
    return is_chinese(_neighbour(text, i - 1, -1)) or is_chinese(_neighbour(text, i + 1, 1))


def _half(i: int, ch: str, suggestion: str) -> Finding:
    return Finding(i, i + 1, ch, suggestion, FORMAT, NORMAL,
                   f"中文行文中应使用全角标点“{suggestion}”，不用半角“{ch}”", PUNCTUATION_SOURCE)


# --- Paired punctuation ------------------------------------------------------------------------

PAIRS = {"《": "》", "“": "”", "（": "）", "【": "】", "‘": "’", "(": ")"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
KIND = {"《": "《", "》": "《", "“": "“", "”": "“", "（": "（", "）": "（", "(": "（", ")": "（",
        "【": "【", "】": "【", "‘": "‘", "’": "‘"}
PAIRED_RE = re.compile("[《》“”（）()【】‘’]")
LIST_MARKER_RE = re.compile(r"(?:^|[\s。；;：:，,])[0-9０-９一二三四五六七八九十a-zA-Z]{1,2}\Z")


def paired(text: str) -> list[Finding]:
    found = []
    open_at: dict[str, list[int]] = {}
    paragraph_end = -1  # the end of the paragraph the last mark was in (-1: none open)
    for match in PAIRED_RE.finditer(text):
        i = match.start()
        if i > paragraph_end:
            if paragraph_end >= 0:
                _close_paragraph(text, paragraph_end, open_at, found)
            paragraph_end = text.find("\n", i)
            if paragraph_end < 0:
                paragraph_end = len(text)
        ch = text[i]
        kind = KIND[ch]
        if ch in PAIRS:
            open_at.setdefault(kind, []).append(i)
        elif open_at.get(kind):
            open_at[kind].pop()
        elif not _stray_closer_is_fine(text, i):
            found.append(Finding(i, i + 1, ch, "", FORMAT, NORMAL,
                                 f"{ch}之前缺少与之配对的{CLOSERS[ch]}", PUNCTUATION_SOURCE))
    if paragraph_end >= 0:
        _close_paragraph(text, paragraph_end, open_at, found)
    return sorted(found, key=lambda f: f.start)


def _close_paragraph(text: str, end: int, open_at: dict[str, list[int]], found: list[Finding]) -> None:
    for kind, positions in open_at.items():
        if not positions:
            continue
        if kind == "“" and text.startswith("“", end + 1):
            positions.clear()  # a quotation running on into the next paragraph
            continue
        for i in positions:
            ch = text[i]
            found.append(Finding(i, i + 1, ch, "", FORMAT, NORMAL,
                                 f"{ch}在本段内没有与之配对的{PAIRS[ch]}", PUNCTUATION_SOURCE))
        positions.clear()


def _stray_closer_is_fine(text: str, i: int) -> bool:
    ch = text[i]
    if ch == "’":  # an apostrophe in Latin text (People’s Congress)
        before, after = text[i - 1:i], text[i + 1:i + 2]
        return before.isascii() and before.isalpha() and (not after or after.isascii())
    if ch in "）)":  # list markers: 1）、一）、a)
        return bool(LIST_MARKER_RE.search(text, max(0, i - 4), i))
    return False


# --- Doubled characters ------------------------------------------------------------------------

# char -> (characters that make a correct word when placed before it, … after it)
DOUBLED_OK = {
    "的": ("目别似标之打", "确士哥"),
    "了": ("不甚时", "解结却然如不得"),
    "们": ("", ""),
    "这": ("", ""),
    "那": ("刹", ""),
    "是": ("", "否非"),
    "在": ("现实所存自好内外潜", ""),
    "和": ("温平调缓暖总饱附祥柔谦随亲共", "谐平睦美气蔼"),
    "其": ("尤极", "他它中实余次"),
    "之": ("", "后前间中内外类一际所"),
    "于": ("", "是"),
    "而": ("", "且已言"),
    "但": ("", "是凡"),
    "很": ("", ""),
    "也": ("", ""),
    "被": ("", ""),
    "，": ("", ""),
    "。": ("", ""),
    "、": ("", ""),
    "；": ("", ""),
    "：": ("", ""),
}
DOUBLED_RE = re.compile("([" + "".join(DOUBLED_OK) + r"])\1")


def doubled(text: str) -> list[Finding]:
    found = []
    for match in DOUBLED_RE.finditer(text):
        i = match.start()
        ch = text[i]
        ok_before, ok_after = DOUBLED_OK[ch]
        before = text[i - 1] if i else ""
        after = text[i + 2:i + 3]
        if (before and before in ok_before) or (after and after in ok_after):
            continue
        if _reduplicated(text, i):
            continue
        found.append(Finding(i, i + 2, ch + ch, ch, FORMAT, NORMAL,
                             f"“{ch}”字重复", "GB/T 15834-2011《标点符号用法》" if not is_cjk(ch) else
                             "现代汉语规范用法（《现代汉语词典》）"))
    return found


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _reduplicated(text: str, i: int) -> bool:
    """AABB forms (实实在在, 的的确确, 是是非非): the pair before or after is also doubled."""
    after = text[i + 2:i + 4]
    before = text[max(0, i - 2):i]
    return (len(after) == 2 and after[0] == after[1] and is_cjk(after[0])) or (
        len(before) == 2 and before[0] == before[1] and is_cjk(before[0]))


# --- Dates -------------------------------------------------------------------------------------

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "Ο": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Each pattern starts with a literal or a small class, so the regex engine skips the text fast;
# a hit is then read whole (WRITTEN_RE around it) and judged in Python. One combined
# alternation measured four times slower: it defeats that skipping.
NUMERIC_RE = re.compile(r"[-./]\d{1,2}[-./]\d{1,2}")
NUMERIC_FULL_RE = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})")
YEAR_MONTH_RE = re.compile(r"年\d{1,2}月")
ZERO_RE = re.compile(r"[年月]0\d")
HAO_RE = re.compile("号")
SPACES = {ch: re.compile(f"{ch}+") for ch in " \t\u3000"}
CHINESE_RE = re.compile(
    r"[一二][〇零○ＯOΟ一二三四五六七八九]{3}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)?")
FULL_WIDTH_RE = re.compile("[０-９]+")
WRITTEN_RE = re.compile(
    r"(?<![\d０-９])(?P<wy>\d{4}|\d{2})?(?P<s1>[ \t\u3000]*)(?(wy)年)(?P<s2>[ \t\u3000]*)(?P<wm>\d{1,2})"
    r"(?P<s3>[ \t\u3000]*)月(?:(?P<s4>[ \t\u3000]*)(?P<wd>\d{1,2})(?P<s5>[ \t\u3000]*)(?P<u>[日号]))?")
NOT_DAY_AFTER_HAO = "楼院线文令机门库车房室馆栋厅场站口"


def dates(text: str) -> list[Finding]:
    found: dict[tuple[int, int], Finding] = {}
    for match in NUMERIC_RE.finditer(text):
        _numeric_date(text, match.start(), found)
    suspects = [m.start() + 1 for m in ZERO_RE.finditer(text)]
    suspects += [i for i in (m.start() for m in HAO_RE.finditer(text))
                 if text[i - 1:i].isdigit() and "月" in text[max(0, i - 3):i - 1]]
    suspects += [i - 2 for i in (m.start() for m in YEAR_MONTH_RE.finditer(text))
                 if text[max(0, i - 2):i].isdigit() and not text[i - 3:i - 2].isdigit()]
    for ch, spaces in SPACES.items():
        if ch in text:
            suspects += [m.start() for m in spaces.finditer(text) if _spaced_date(text, m.start(), m.end())]
    for at in suspects:
        for match in WRITTEN_RE.finditer(text, max(0, at - 12), at + 16):
            if match.start() <= at < max(match.end(), match.start() + 1) and match.span() not in found:
                finding = _written_date(text, match)
                if finding:
                    found[match.span()] = finding
    for match in CHINESE_RE.finditer(text):
        span = match.group()
        year, rest = span.split("年", 1)
        digits = "".join(str(CN_DIGITS[c]) for c in year)
        found[match.span()] = Finding(match.start(), match.end(), span, f"{digits}年" + _chinese_month_day(rest),
                                      FORMAT, HINT, "新闻稿和现行公文的日期用阿拉伯数字（2012年起公文成文日期亦然）",
                                      DATE_SOURCE)
    if any(d in text for d in "０１２３４５６７８９"):
        for match in FULL_WIDTH_RE.finditer(text):
            span = match.group()
            found[match.span()] = Finding(match.start(), match.end(), span, span.translate(FULL_DIGITS), FORMAT,
                                          NORMAL, "数字应使用半角阿拉伯数字", DATE_SOURCE)
    return sorted(found.values(), key=lambda f: f.start)


def _numeric_date(text: str, sep_at: int, found: dict) -> None:
    """2026-12-1, 2026.12.1, 2026/12/1: four digits before the first separator, the same separator
    twice, and no digit or separator around the whole."""
    start = sep_at - 4
    if start < 0 or (start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".-/")):
        return
    match = NUMERIC_FULL_RE.match(text, start)
    if not match:
        return
    after = text[match.end():match.end() + 1]
    if after and (after.isdigit() or after in ".-/"):
        return
    y, m, d = int(match[1]), int(match[3]), int(match[4])
    if 1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31 and not _latin_around(text, match.start(), match.end()):
        found[match.span()] = Finding(match.start(), match.end(), match.group(), f"{y}年{m}月{d}日", FORMAT, NORMAL,
                                      "日期应写作“××××年×月×日”", DATE_SOURCE)


def _spaced_date(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1:start], text[end:end + 1]
    return (before.isdigit() and after in ("年", "月", "日")) or (before in ("年", "月") and after.isdigit())


FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _written_date(text: str, match: re.Match) -> Finding | None:
    wy, wm, wd, unit = match["wy"], match["wm"], match["wd"], match["u"]
    spaced = any(match[g] for g in ("s1", "s2", "s3", "s4", "s5") if match[g] is not None)
    problems = []
    year = wy
    if wy and len(wy) == 2:
        year = ("20" if int(wy) <= 50 else "19") + wy
        problems.append("年份应写全")
    if (wm.startswith("0") and len(wm) == 2) or (wd and wd.startswith("0") and len(wd) == 2):
        problems.append("月、日不编虚位（不写作01）")
    if unit == "号":
        if text[match.end():match.end() + 1] in NOT_DAY_AFTER_HAO and text[match.end():match.end() + 1]:
            return None  # 5月1号楼
        problems.append("书面语用“日”不用“号”")
    if spaced:
        problems.append("日期中不应有空格")
    if not problems:
        return None
    if not wy and not (wd and unit == "号") and not spaced and not wm.startswith("0"):
        return None
    if int(wm) < 1 or int(wm) > 12 or (wd and not 1 <= int(wd) <= 31):
        return None
    suggestion = (f"{year}年" if year else "") + f"{int(wm)}月" + (f"{int(wd)}日" if wd else "")
    start, end = match.span()
    return Finding(start, end, match.group(), suggestion, FORMAT, NORMAL,
                   "日期写法不规范：" + "；".join(problems), DATE_SOURCE)


def _chinese_month_day(rest: str) -> str:
    out = ""
    if "月" in rest:
        month, rest = rest.split("月", 1)
        out += f"{_chinese_number(month)}月"
        if rest.endswith("日"):
            out += f"{_chinese_number(rest[:-1])}日"
    return out


def _chinese_number(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[s]


def _latin_around(text: str, start: int, end: int) -> bool:
    """2026-1-1 inside a file name or an address (v2026.1.1, /2026/1/1/) is not running text."""
    before, after = text[start - 1:start], text[end:end + 1]
    return any(c and (c.isascii() and (c.isalnum() or c in "_/\\.-")) for c in (before, after))
