"""The pure core of reprint finding (issue 15): no Django, plain data in, results out.

    from tribune.reprints.core import Source, SourceIndex, RiskPolicy, iter_pages, scan

    index = SourceIndex(Source(id=str(m.pk), title=m.title, text=m.body) for m in manuscripts)
    for result in scan(iter_pages(paths), index, policy=RiskPolicy(blocked_domains=...), progress=report):
        result.url, result.title, result.risk           # "high" or "none"
        for match in result.matches:                    # match.source_id, match.share, match.spans
            ...
        for finding in result.findings:                 # finding.kind, finding.evidence
            ...

`fetch_pages(urls, FetchPolicy(...))` yields pages (or failures) for a list of addresses.
"""

from tribune.reprints.core.extract import PageText, page_text
from tribune.reprints.core.fetch import FetchFailure, FetchPolicy, fetch_pages
from tribune.reprints.core.match import REPRINT_SHARE, Match, Source, SourceIndex, Span
from tribune.reprints.core.pages import Page, PagesError, decode_html, iter_pages
from tribune.reprints.core.risk import HIGH, NONE, Finding, RiskPolicy, assess
from tribune.reprints.core.scan import PageResult, scan

__all__ = [
    "HIGH",
    "NONE",
    "REPRINT_SHARE",
    "FetchFailure",
    "FetchPolicy",
    "Finding",
    "Match",
    "Page",
    "PageResult",
    "PageText",
    "PagesError",
    "RiskPolicy",
    "Source",
    "SourceIndex",
    "Span",
    "assess",
    "decode_html",
    "fetch_pages",
    "iter_pages",
    "page_text",
    "scan",
]
