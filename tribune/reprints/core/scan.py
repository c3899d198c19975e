"""A page set against a congress's sources: matches and risk findings — pure Python, no Django.

This is the one entry point the rest of Tribune calls (the analyst command now, the scan job
later):

    index = SourceIndex(Source(id=…, title=…, text=…) for each published manuscript)
    for result in scan(iter_pages(paths), index, policy=RiskPolicy(...), progress=callback):
        ...  # result.url, result.title, result.matches (share, spans), result.findings, result.risk

Pages stream through in batches of `batch_size` (bounded memory whatever the crawl's size);
only pages that carry at least one source are yielded, and only those are checked for risk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from tribune.reprints.core.extract import page_text
from tribune.reprints.core.match import Match, SourceIndex
from tribune.reprints.core.pages import Page
from tribune.reprints.core.risk import Finding, RiskPolicy, assess, risk_level

BATCH_SIZE = 256


@dataclass(frozen=True, slots=True)
class PageResult:
    """A page that carries sources: what it carries, and what puts it at risk. Span offsets
    refer to `text` (the page's normalised text) and to `SourceIndex.source_text`."""

    url: str
    title: str
    text: str
    matches: tuple[Match, ...]
    findings: tuple[Finding, ...]

    @property
    def risk(self) -> str:
        return risk_level(self.findings)


def scan(
    pages: Iterable[Page],
    index: SourceIndex,
    *,
    policy: RiskPolicy | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> Iterator[PageResult]:
    """Match every page against `index`; yield the pages that carry a source, risk-checked.
    `progress(n)` is called after each batch with the number of pages read so far."""
    policy = policy or RiskPolicy()
    pages = iter(pages)
    done = 0
    while batch := list(islice(pages, batch_size)):
        texts = [page_text(page.html) for page in batch]
        for page, extracted, matches in zip(batch, texts, index.match_batch([t.text for t in texts]), strict=True):
            if matches:
                yield PageResult(
                    url=page.url,
                    title=extracted.title,
                    text=extracted.text,
                    matches=tuple(matches),
                    findings=tuple(assess(page.html, page.url, policy=policy)),
                )
        done += len(batch)
        if progress is not None:
            progress(done)
