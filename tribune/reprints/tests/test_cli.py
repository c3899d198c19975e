import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tribune.reprints.cli import match_command
from tribune.reprints.tests import samples
from tribune.reprints.tests.helpers import page, paragraphs

ROOT = Path(__file__).resolve().parents[3]
SPAM_ROW = "<div>久久精品国产 | 一本道无码在线观看</div>"


@pytest.fixture
def inputs(tmp_path):
    sources = tmp_path / "sources.jsonl"
    sources.write_text(
        json.dumps({"id": "gaocheng-2025-17", "title": samples.TITLE, "text": samples.TEXT}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "other", "title": "大气", "text": samples.OTHER_TEXT}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "hijacked.html").write_text(
        "<!-- saved from url=(0040)https://www.163.com/dy/article/JA01.html -->"
        + page(paragraphs(samples.PARAGRAPHS) + samples.NETEASE_FURNITURE, before_title=SPAM_ROW),
        encoding="utf-8",
    )
    (folder / "clean.html").write_text(
        "<!-- saved from url=(0031)https://www.gaocheng.gov.cn/1.html -->" + page(paragraphs(samples.PARAGRAPHS[:8])),
        encoding="utf-8",
    )
    (folder / "quote.html").write_text(page(f"<p>据报道，“{samples.PARAGRAPHS[2][:40]}”</p>"), encoding="utf-8")
    return sources, folder


def test_match_writes_one_line_per_source_and_page(inputs):
    sources, folder = inputs
    out = io.StringIO()
    assert match_command(sources=sources, pages=[str(folder)], out=out) == 2
    lines = sorted((json.loads(line) for line in out.getvalue().splitlines()), key=lambda x: x["page"])
    assert [(x["source"], x["page"], x["risk"]) for x in lines] == [
        ("gaocheng-2025-17", "https://www.163.com/dy/article/JA01.html", "high"),
        ("gaocheng-2025-17", "https://www.gaocheng.gov.cn/1.html", "none"),
    ]
    assert lines[0]["share"] == 1.0 and lines[0]["reasons"][0].startswith("spam_text: above the title")
    assert 0.5 < lines[1]["share"] < 1.0 and lines[1]["reasons"] == []


def test_the_tribune_command_runs_match_before_django_starts(inputs, tmp_path):
    # A process of its own: the project's command (tribune.cli) sits above every app, and no
    # settings are given, so Django cannot have started.
    sources, folder = inputs
    out = tmp_path / "matches.jsonl"
    subprocess.run(
        [sys.executable, "-m", "tribune.cli", "reprints", "match", "--sources", str(sources), "--pages", str(folder),
         "--format", "jsonl", "-o", str(out)],
        capture_output=True, text=True, check=True, cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_the_module_runs_on_its_own_without_django_settings(inputs):
    sources, folder = inputs
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tribune.reprints.cli",
            "match",
            "--sources",
            str(sources),
            "--pages",
            str(folder),
            "--format",
            "tsv",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    rows = done.stdout.splitlines()
    assert rows[0] == "source\tpage\tshare\trisk\treasons" and len(rows) == 3
    assert "2 matches" in done.stderr


def test_an_unreadable_input_stops_with_a_message(inputs, tmp_path):
    sources, _ = inputs
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    from tribune.reprints.cli import main

    with pytest.raises(SystemExit, match="not a folder"):
        main(["match", "--sources", str(sources), "--pages", str(tmp_path / "x.pdf")])


def test_a_list_of_addresses_is_fetched_from_an_allow_listed_server(inputs, tmp_path):
    import threading
    from http.server import ThreadingHTTPServer

    from tribune.reprints.tests.test_fetch import Handler

    sources, _ = inputs
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        urls = tmp_path / "pages.urls"
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        urls.write_text(f"# to check\n{base}/article.html\n{base}/private/secret.html\n", encoding="utf-8")
        out, log = io.StringIO(), io.StringIO()
        from tribune.reprints.core.fetch import FetchPolicy

        policy = FetchPolicy.allowing("127.0.0.1/32", per_host_interval=0.0)
        assert match_command(sources=sources, pages=[str(urls)], out=out, fetch_policy=policy, log=log) == 1
        assert json.loads(out.getvalue())["page"] == f"{base}/article.html"
        assert "disallowed by robots.txt" in log.getvalue()
        # Without the allow-list, loopback is refused.
        out, log = io.StringIO(), io.StringIO()
        assert match_command(sources=sources, pages=[str(urls)], out=out, log=log) == 0
        assert "non-public address" in log.getvalue()
    finally:
        httpd.shutdown()
        httpd.server_close()
