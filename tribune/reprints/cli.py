"""`tribune reprints match`: match pages against sources without a database.

    tribune reprints match --sources SOURCES.jsonl --pages PAGES... [--format jsonl|tsv] [-o OUT]
                           [--block-list FILE] [--fetch-allow CIDR]... [--fetch-interval SECONDS]
    python -m tribune.reprints.cli match ...   (the same, without the `tribune` wrapper)

SOURCES.jsonl holds `{"id", "title", "text"}` lines. PAGES are folders of saved pages, WARCs,
`{"url", "html"}` JSON-lines files, or `.urls` / `.txt` files of addresses to fetch (robots.txt
honoured; private addresses refused unless `--fetch-allow`ed). One output line per (source,
page) match: `{"source", "page", "share", "risk", "reasons"}`. No Django, no settings.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from tribune.reprints.core.fetch import FetchFailure, FetchPolicy, fetch_pages
from tribune.reprints.core.match import Source, SourceIndex
from tribune.reprints.core.pages import Page, PagesError, iter_pages
from tribune.reprints.core.risk import RiskPolicy
from tribune.reprints.core.scan import scan

URL_LIST_SUFFIXES = (".urls", ".txt")


def read_sources(path: Path) -> Iterator[Source]:
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                yield Source(id=str(item["id"]), title=str(item.get("title") or ""), text=str(item["text"]))
            except (ValueError, KeyError, TypeError) as error:
                raise SystemExit(f'{path}:{number}: not an {{"id", "title", "text"}} line ({error})') from error


def _pages(paths: Sequence[str], fetch_policy: FetchPolicy, failures: TextIO) -> Iterator[Page]:
    for item in paths:
        if Path(item).is_file() and item.lower().endswith(URL_LIST_SUFFIXES):
            with open(item, encoding="utf-8") as urls:
                for result in fetch_pages(urls, fetch_policy):
                    if isinstance(result, FetchFailure):
                        print(f"skipped {result.url}: {result.reason}", file=failures)
                    else:
                        yield result
        else:
            yield from iter_pages([item])


def match_command(
    *,
    sources: Path,
    pages: Sequence[str],
    out: TextIO,
    fmt: str = "jsonl",
    risk_policy: RiskPolicy | None = None,
    fetch_policy: FetchPolicy | None = None,
    log: TextIO = sys.stderr,
) -> int:
    """Write one line per (source, page) match to `out`; return the number of lines."""
    index = SourceIndex(read_sources(sources))
    written = 0
    if fmt == "tsv":
        out.write("source\tpage\tshare\trisk\treasons\n")
    for result in scan(_pages(pages, fetch_policy or FetchPolicy(), log), index, policy=risk_policy):
        reasons = [f"{finding.kind}: {finding.evidence}" for finding in result.findings]
        for found in result.matches:
            if fmt == "tsv":
                cells = [found.source_id, result.url, f"{found.share:.4f}", result.risk, " | ".join(reasons)]
                out.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n")
            else:
                out.write(
                    json.dumps(
                        {
                            "source": found.source_id,
                            "page": result.url,
                            "share": found.share,
                            "risk": result.risk,
                            "reasons": reasons,
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
            written += 1
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tribune reprints", description="Find reprints of sources in pages.")
    commands = parser.add_subparsers(dest="command", required=True)
    match = commands.add_parser("match", help="match pages against sources, without a database")
    match.add_argument("--sources", required=True, type=Path, help='JSON lines of {"id", "title", "text"}')
    match.add_argument("--pages", required=True, nargs="+", help="folders, .warc(.gz), .jsonl, .urls files")
    match.add_argument("--format", dest="fmt", choices=("jsonl", "tsv"), default="jsonl")
    match.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    match.add_argument("--block-list", type=Path, help="blocked domains, one a line")
    match.add_argument(
        "--fetch-allow",
        action="append",
        default=[],
        metavar="CIDR",
        help="let the fetcher reach this otherwise refused network (e.g. 127.0.0.1/32)",
    )
    match.add_argument("--fetch-interval", type=float, default=1.0, help="seconds between requests to one host")
    args = parser.parse_args(argv)

    risk_policy = None
    if args.block_list:
        risk_policy = RiskPolicy.from_lines(args.block_list.read_text(encoding="utf-8").splitlines())
    fetch_policy = FetchPolicy.allowing(*args.fetch_allow, per_host_interval=args.fetch_interval)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        written = match_command(
            sources=args.sources,
            pages=args.pages,
            out=out,
            fmt=args.fmt,
            risk_policy=risk_policy,
            fetch_policy=fetch_policy,
        )
    except PagesError as error:
        raise SystemExit(f"tribune reprints: {error}") from error
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{written} matches", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
