"""The fetcher against a local HTTP server on 127.0.0.1 (allow-listed), in a thread; no sleeps:
the rate limiter runs on a fake clock."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tribune.reprints.core.fetch import FetchFailure, FetchPolicy, fetch_pages
from tribune.reprints.core.pages import Page
from tribune.reprints.tests import samples

PAGE = f"<html><head><title>{samples.TITLE}</title></head><body><p>{samples.TEXT}</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    routes = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
        "/article.html": (200, "text/html; charset=utf-8", PAGE.encode()),
        "/gbk.html": (200, "text/html; charset=GBK", PAGE.encode("gb18030")),
        "/private/secret.html": (200, "text/html", b"<p>secret</p>"),
        "/big.html": (200, "text/html", b"<p>" + b"x" * 200_000 + b"</p>"),
        "/logo.png": (200, "image/png", b"\x89PNG"),
        "/missing.html": (404, "text/html", b"not found"),
    }

    def do_GET(self):
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path == "/to-internal":
            self.send_response(301)
            self.send_header("Location", "http://10.1.2.3/admin")
            self.end_headers()
            return
        status, kind, body = self.routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class FakeClock:
    def __init__(self):
        self.now = 0.0
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(round(seconds, 3))
        self.now += seconds


def fetch(server, *paths, **options):
    clock = FakeClock()
    policy = FetchPolicy.allowing("127.0.0.1/32", **{"per_host_interval": 0.0, **options})
    return list(fetch_pages([server + p for p in paths], policy, clock=clock, sleep=clock.sleep)), clock


def test_an_allowed_local_page_is_fetched_and_decoded(server):
    (page, gbk), _ = fetch(server, "/article.html", "/gbk.html")
    assert isinstance(page, Page) and samples.PARAGRAPHS[2] in page.html
    assert isinstance(gbk, Page) and samples.PARAGRAPHS[2] in gbk.html


def test_loopback_is_refused_unless_allow_listed(server):
    clock = FakeClock()
    (result,) = fetch_pages([server + "/article.html"], FetchPolicy(), clock=clock, sleep=clock.sleep)
    assert isinstance(result, FetchFailure) and "non-public address" in result.reason


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "file:///etc/passwd",
    ],
)
def test_private_link_local_and_non_http_addresses_are_refused_without_a_connection(url):
    clock = FakeClock()
    (result,) = fetch_pages([url], FetchPolicy(timeout=0.5), clock=clock, sleep=clock.sleep)
    assert isinstance(result, FetchFailure)
    assert "non-public" in result.reason or "not an http" in result.reason


def test_a_redirect_is_followed_and_checked_again(server):
    (moved, internal), _ = fetch(server, "/moved", "/to-internal")
    assert isinstance(moved, Page) and moved.url.endswith("/article.html")
    assert isinstance(internal, FetchFailure) and "10.1.2.3" in internal.reason


def test_robots_txt_is_honoured(server):
    (result,), _ = fetch(server, "/private/secret.html")
    assert result == FetchFailure(server + "/private/secret.html", "disallowed by robots.txt")


def test_pages_over_the_size_cap_non_html_and_errors_are_skipped_with_a_reason(server):
    results, _ = fetch(server, "/big.html", "/logo.png", "/missing.html", max_bytes=100_000)
    assert [r.reason for r in results] == ["larger than 100000 bytes", "not HTML (image/png)", "HTTP 404"]


def test_requests_to_one_host_are_spaced(server):
    _, clock = fetch(server, "/article.html", "/gbk.html", "/moved", per_host_interval=2.0)
    # robots.txt, then each page (the redirect makes two requests): every one waits its turn.
    assert clock.slept == [2.0, 2.0, 2.0, 2.0]
