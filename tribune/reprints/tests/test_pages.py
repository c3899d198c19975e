import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tribune.reprints.core.pages import PagesError, decode_html, iter_pages
from tribune.reprints.tests import samples

HTML = (
    f'<html><head><meta charset="utf-8"><title>{samples.TITLE}</title></head><body><p>{samples.TEXT}</p></body></html>'
)


def gbk_page(text: str = samples.TEXT, declared: str = "gbk") -> bytes:
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
        f"<title>藁城人大</title></head><body><p>{text}</p></body></html>"
    ).encode("gb18030")


def write_warc(path, records, *, gzip_records=True):
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip_records)
        for url, body, headers, status in records:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record("http://example.com/", "request", payload=io.BytesIO(b""), http_headers=request)
        )


def test_a_folder_of_saved_pages_reads_each_page_with_its_address(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.html").write_text(
        "<!-- saved from url=(0046)https://www.163.com/dy/article/JABC0001.html -->\n" + HTML, encoding="utf-8"
    )
    (tmp_path / "two.htm").write_bytes(gbk_page())
    (tmp_path / "notes.txt").write_text("not a page", encoding="utf-8")
    pages = list(iter_pages([tmp_path]))
    assert [p.url for p in pages] == [(tmp_path / "two.htm").as_posix(), "https://www.163.com/dy/article/JABC0001.html"]
    assert samples.PARAGRAPHS[1] in pages[0].html


def test_gbk_pages_are_read_as_gb18030_which_browsers_use_for_them():
    # 㐀 is in GB18030 only: a page labelled GBK that carries it still decodes.
    assert "㐀" in decode_html(gbk_page("人大㐀代表"))
    assert "人大代表" in decode_html(gbk_page("人大代表", declared="gb2312"))


def test_undeclared_pages_are_utf8_if_they_decode_else_gb18030():
    assert decode_html("人大代表".encode()) == "人大代表"
    assert decode_html("人大代表".encode("gb18030")) == "人大代表"
    assert decode_html("\ufeff人大".encode()) == "人大"


def test_the_http_header_charset_wins_over_the_page():
    assert decode_html("<p>人大</p>".encode("gb18030"), "text/html; charset=GBK") == "<p>人大</p>"


def test_a_warc_gives_its_html_responses_decoded(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    compressed = gzip.compress(gbk_page())
    write_warc(
        path,
        [
            (
                "https://a.example.com/1.html",
                compressed,
                [("Content-Type", "text/html; charset=GBK"), ("Content-Encoding", "gzip")],
                "200 OK",
            ),
            ("https://a.example.com/logo.png", b"\x89PNG", [("Content-Type", "image/png")], "200 OK"),
            ("https://a.example.com/gone.html", b"<html>404</html>", [("Content-Type", "text/html")], "404 Not Found"),
            ("https://a.example.com/2.html", HTML.encode(), [("Content-Type", "text/html")], "200 OK"),
        ],
    )
    pages = list(iter_pages([path]))
    assert [p.url for p in pages] == ["https://a.example.com/1.html", "https://a.example.com/2.html"]
    assert samples.PARAGRAPHS[3] in pages[0].html


def test_an_uncompressed_warc_reads_too(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(
        path,
        [("https://a.example.com/2.html", HTML.encode(), [("Content-Type", "text/html")], "200 OK")],
        gzip_records=False,
    )
    assert [p.url for p in iter_pages([path])] == ["https://a.example.com/2.html"]


def test_pages_over_the_size_cap_are_skipped_not_read(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [("https://a.example.com/big.html", b"<p>" + b"x" * 5000 + b"</p>", [("Content-Type", "text/html")], "200 OK")],
    )
    (tmp_path / "big.html").write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    assert list(iter_pages([tmp_path], max_bytes=1000)) == []


def test_json_lines_give_their_pages_and_name_a_bad_line(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(
        json.dumps({"url": "https://x.example/1", "html": HTML}, ensure_ascii=False) + "\n\n", encoding="utf-8"
    )
    assert [p.url for p in iter_pages([path])] == ["https://x.example/1"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"url": "https://x.example/1"}\n', encoding="utf-8")
    with pytest.raises(PagesError, match=r"bad\.jsonl:1"):
        list(iter_pages([bad]))


def test_gzipped_json_lines_read_too(tmp_path):
    path = tmp_path / "pages.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"url": "u", "html": HTML}) + "\n").encode()))
    assert [p.url for p in iter_pages([path])] == ["u"]


def test_an_unknown_input_is_refused(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(PagesError):
        list(iter_pages([tmp_path / "x.pdf"]))
    with pytest.raises(PagesError):
        list(iter_pages([tmp_path / "missing.jsonl"]))
