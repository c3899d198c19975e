"""Is a page that carries our content hijacked, or spam itself? — pure Python, no Django.

`assess(html, url, policy)` returns `Finding`s, each with its kind and the evidence a takedown
request quotes. Any finding makes the page's risk "high". The kinds:

- `spam_text`: a visible line with spam terms (pornography, gambling, private game servers;
  `vocabulary.py`) and no news wording — like the row of porn-site names above the title of
  the hijacked 网易号 copy of the source article;
- `spam_title`: the same in `<title>`;
- `hidden_links`: a block hidden by `display:none`, `visibility:hidden`, the `hidden`
  attribute, an off-screen position or a zero size (inline style or a class/id rule of the
  page's own `<style>`), holding a link with spam text or at least five links to other
  (non-government) sites — the classic planted SEO link farm;
- `referrer_redirect`: an inline script that reads `document.referrer` and changes the
  location (visitors from a search engine are sent elsewhere, the site owner is not);
- `meta_refresh`: `<meta http-equiv="refresh">` to another site;
- `hidden_iframe`: a zero-size or hidden `<iframe>` loading another site (outside `<noscript>`);
- `blocked_domain`: the page's site, or a site it frames or redirects to, is on the block list.

Hidden dropdown menus and share pop-ups link to the page's own site or to a few share
services; a government site's hidden 友情链接 panel links to other government sites. None of
these is flagged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import ahocorasick_rs
from selectolax.lexbor import LexborHTMLParser

from tribune.reprints.core.normalise import normalise
from tribune.reprints.core.vocabulary import NEWS, STRONG, WEAK

HIGH = "high"
NONE = "none"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    evidence: str


@dataclass(frozen=True)
class RiskPolicy:
    """`blocked_domains`: sites (e.g. "example-spam.com") whose pages and subdomains are risky."""

    blocked_domains: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> RiskPolicy:
        """A block list file: one domain a line, `#` comments and blank lines ignored."""
        domains = set()
        for line in lines:
            line = line.split("#", 1)[0].strip().lower().lstrip(".")
            if line:
                domains.add(line)
        return cls(blocked_domains=frozenset(domains))


def risk_level(findings: Iterable[Finding]) -> str:
    return HIGH if any(True for _ in findings) else NONE


_KINDS: dict[str, str] = {
    **dict.fromkeys(WEAK, "weak"),
    **dict.fromkeys(STRONG, "strong"),
    **dict.fromkeys(NEWS, "news"),
}
_TERMS = list(_KINDS)
# One Aho-Corasick pass finds every term of the three lists, overlapping ones included (澳门威尼斯人
# and 威尼斯人官网 in one string); a weak term inside a strong one (无码 in 无码视频) is not
# counted again — see `_hits`.
_AUTOMATON = ahocorasick_rs.AhoCorasick(_TERMS)
_PROSE_MARKS = re.compile(r"[，。；,;]")


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _hits(text: str) -> list[tuple[int, str]]:
    """(position, term) of every vocabulary term in lower-cased `text`. ASCII terms ("av",
    "pk10") count only as whole words, never inside "java" or "avenue"."""
    found = []
    for number, start, end in _AUTOMATON.find_matches_as_indexes(text, overlapping=True):
        term = _TERMS[number]
        if term.isascii() and (
            (start and _ascii_word(text[start - 1])) or (end < len(text) and _ascii_word(text[end]))
        ):
            continue
        found.append((start, end, term))
    strong = [(start, end) for start, end, term in found if _KINDS[term] == "strong"]
    return [
        (start, term)
        for start, end, term in found
        if _KINDS[term] != "weak" or not any(s <= start and end <= e for s, e in strong)
    ]


def _judge(line: str, terms: Iterable[str]) -> list[str]:
    strong, weak = set(), set()
    for term in terms:
        kind = _KINDS[term]
        if kind == "news":
            return []
        (strong if kind == "strong" else weak).add(term)
    if len(line) >= 30 and len(_PROSE_MARKS.findall(line)) >= 2:
        weak = set()
    if 2 * len(strong) + len(weak) < 2:
        return []
    return sorted(strong) + sorted(weak)


def spam_terms(line: str) -> list[str]:
    """The spam terms that make `line` spam, or [] when it is not (see `vocabulary`)."""
    line = line.lower()
    return _judge(line, (term for _, term in _hits(line)))


# --- the page's own structure -------------------------------------------------------------

_HIDING = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|"
    r"(?:^|[;\s])(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*-\s*\d{3,}|"
    r"font-size\s*:\s*0(?:px|em|rem|pt)?\s*(?:;|$|!)",
    re.IGNORECASE,
)
_ZERO_BOX = re.compile(r"(?:^|[;\s])(?:height|width|max-height|max-width)\s*:\s*0(?:px|em|rem|%)?\s*(?:;|$|!)", re.I)
_OVERFLOW_HIDDEN = re.compile(r"overflow\s*:\s*hidden", re.IGNORECASE)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^[a-zA-Z]*[.#][\w-]+$")
_OFFICIAL_SUFFIXES = (".gov.cn", ".edu.cn", ".org.cn", ".gov", ".mil.cn", ".ac.cn")
_SECOND_LEVEL = {"com", "net", "org", "gov", "edu", "ac", "co", "mil"}


def _hides(style: str) -> bool:
    if _HIDING.search(style):
        return True
    return bool(_ZERO_BOX.search(style) and _OVERFLOW_HIDDEN.search(style))


def site_of(host: str) -> str:
    """The registrable domain of a host, near enough: news.sina.com.cn → sina.com.cn."""
    host = host.lower().rstrip(".").split(":", 1)[0]
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _blocked(host: str, policy: RiskPolicy) -> str | None:
    labels = host.split(".")
    for i in range(len(labels) - 1):
        if ".".join(labels[i:]) in policy.blocked_domains:
            return ".".join(labels[i:])
    return None


def _snippet(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _hidden_classes(tree: LexborHTMLParser) -> list[str]:
    selectors = []
    for style in tree.css("style"):
        for chosen, body in _CSS_RULE.findall(style.text(deep=True)):
            if not _hides(body):
                continue
            for selector in chosen.split(","):
                selector = selector.strip()
                if _SIMPLE_SELECTOR.match(selector):
                    selectors.append(selector)
    return selectors


def _hidden_blocks(tree: LexborHTMLParser) -> list:
    blocks = [node for node in tree.css("[style]") if _hides(node.attributes.get("style") or "")]
    blocks += tree.css("[hidden]")
    for selector in _hidden_classes(tree):
        try:
            blocks += tree.css(selector)
        except ValueError:
            continue
    return blocks


def _check_hidden_links(tree: LexborHTMLParser, page_site: str, policy: RiskPolicy) -> list[Finding]:
    findings, seen = [], set()
    for block in _hidden_blocks(tree):
        if block.mem_id in seen:
            continue
        seen.add(block.mem_id)
        links = block.css("a[href]")
        if not links:
            continue
        spam_anchors, foreign = [], []
        for link in links:
            href = link.attributes.get("href") or ""
            text = link.text(deep=True) or ""
            if spam_terms(text) or spam_terms(href):
                spam_anchors.append(f"{_snippet(text, 30)} → {href}")
            host = _host(href)
            if host and site_of(host) != page_site and not host.endswith(_OFFICIAL_SUFFIXES):
                foreign.append(href)
        if spam_anchors or len(foreign) >= 5:
            style = block.attributes.get("style") or block.attributes.get("class") or "hidden"
            shown = spam_anchors[:3] or foreign[:3]
            findings.append(
                Finding(
                    "hidden_links",
                    f"<{block.tag} {_snippet(style, 60)}> hides {len(links)} links: " + "; ".join(shown),
                )
            )
    return findings


_REFERRER = re.compile(r"referr?er", re.IGNORECASE)
_LOCATION_CHANGE = re.compile(
    r"location(?:\.href)?\s*=[^=]|location\.(?:replace|assign)\s*\(|window\.open\s*\(|"
    r"document\.write\s*\([^)]*(?:http-equiv|<script|<iframe)",
    re.IGNORECASE,
)


def _check_scripts(tree: LexborHTMLParser) -> list[Finding]:
    findings = []
    for script in tree.css("script"):
        if script.attributes.get("src"):
            continue
        code = script.text(deep=True) or ""
        referrer = _REFERRER.search(code)
        if referrer and _LOCATION_CHANGE.search(code):
            start = max(0, referrer.start() - 60)
            findings.append(Finding("referrer_redirect", _snippet(code[start : start + 200], 200)))
    return findings


_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"\s>]+)", re.IGNORECASE)


def _check_meta_refresh(tree: LexborHTMLParser, url: str, page_site: str, policy: RiskPolicy) -> list[Finding]:
    findings = []
    for meta in tree.css("meta"):
        if (meta.attributes.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        content = meta.attributes.get("content") or ""
        target = _REFRESH_URL.search(content)
        if not target:
            continue
        host = _host(urljoin(url, target.group(1)))
        if host and site_of(host) != page_site:
            findings.append(Finding("meta_refresh", f'<meta http-equiv="refresh" content="{_snippet(content, 120)}">'))
            if (blocked := _blocked(host, policy)) is not None:
                findings.append(Finding("blocked_domain", f"refreshes to {host} (blocked: {blocked})"))
    return findings


def _tiny(value: str | None) -> bool:
    if value is None:
        return False
    value = value.strip().lower().removesuffix("px")
    return value in ("0", "1", "0.0")


def _check_iframes(tree: LexborHTMLParser, url: str, page_site: str, policy: RiskPolicy) -> list[Finding]:
    findings = []
    for frame in tree.css("iframe"):
        parent, inside_noscript = frame.parent, False
        while parent is not None:
            if parent.tag == "noscript":
                inside_noscript = True
                break
            parent = parent.parent
        if inside_noscript:
            continue
        src = frame.attributes.get("src") or ""
        host = _host(urljoin(url, src))
        if not host or site_of(host) == page_site:
            continue
        style = frame.attributes.get("style") or ""
        zero = _tiny(frame.attributes.get("width")) or _tiny(frame.attributes.get("height"))
        if zero or _hides(style) or _ZERO_BOX.search(style) or frame.attributes.get("hidden") is not None:
            findings.append(
                Finding(
                    "hidden_iframe",
                    f'<iframe src="{_snippet(src, 100)}" '
                    f'width="{frame.attributes.get("width")}" height="{frame.attributes.get("height")}" '
                    f'style="{_snippet(style, 60)}">',
                )
            )
            if (blocked := _blocked(host, policy)) is not None:
                findings.append(Finding("blocked_domain", f"frames {host} (blocked: {blocked})"))
    return findings


_TITLE_PARTS = re.compile(r"\s*[_|｜]\s*|\s+[-—–]+\s+")
_BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "form",
    "ul",
    "ol",
    "table",
)


def visible_lines(tree: LexborHTMLParser) -> list[str]:
    """The page body as a reader sees its lines: inline elements joined, blocks on lines."""
    tree.strip_tags(["script", "style", "noscript", "template", "svg", "rt", "rp"])
    body = tree.body
    if body is None:
        return []
    for node in body.css(",".join(_BLOCK_TAGS) + ",br"):
        node.insert_before("\n")
        if node.tag != "br":
            node.insert_after("\n")
    return [line for line in (" ".join(chunk.split()) for chunk in body.text(separator="").split("\n")) if line]


def _check_text(title: str, lines: list[str]) -> list[Finding]:
    findings = []
    title = normalise(title)
    # A title is the page's headline and the site's name joined by "_", "|" or " - ": a spam
    # part appended to a committee's headline is judged on its own, away from the headline's
    # words (整治 in a headline on 背街小巷整治 does not make 新开传奇网站 news).
    terms = [term for part in _TITLE_PARTS.split(title) for term in spam_terms(part)]
    if terms:
        findings.append(Finding("spam_title", f"<title>{_snippet(title)}</title> ({', '.join(terms)})"))
    text = normalise("\n".join(lines)).lower()
    hits = _hits(text)
    if all(_KINDS[term] == "news" for _, term in hits):
        return findings
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    terms_by_line: dict[int, list[str]] = {}
    for position, term in hits:
        terms_by_line.setdefault(bisect_right(starts, position) - 1, []).append(term)
    heading = title.lower().split("_")[0].split("-")[0].strip()[:12]
    title_line = next((i for i, line in enumerate(lines) if heading and heading in line), None)
    for number, found in sorted(terms_by_line.items()):
        line = lines[number]
        if terms := _judge(line, found):
            where = ""
            if title_line is not None:
                where = "above the title, " if number < title_line else "below the title, "
            findings.append(Finding("spam_text", f"{where}line {number + 1}: {_snippet(line)} ({', '.join(terms)})"))
    return findings


def assess(html: str, url: str, *, policy: RiskPolicy | None = None) -> list[Finding]:
    """Every sign that the page at `url` is hijacked or spam, each with its evidence."""
    policy = policy or RiskPolicy()
    tree = LexborHTMLParser(html)
    host = _host(url)
    page_site = site_of(host) if host else ""
    findings = []
    if host and (blocked := _blocked(host, policy)) is not None:
        findings.append(Finding("blocked_domain", f"{host} (blocked: {blocked})"))
    title_node = tree.css_first("title")
    title = title_node.text(deep=True) if title_node is not None else ""
    findings += _check_meta_refresh(tree, url, page_site, policy)
    findings += _check_scripts(tree)
    findings += _check_iframes(tree, url, page_site, policy)
    findings += _check_hidden_links(tree, page_site, policy)
    findings += _check_text(title, visible_lines(tree))
    return findings
