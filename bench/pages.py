"""Page latency benchmark: the demo data served by `tribune serve`, measured from outside.

    .venv/bin/python bench/pages.py [-n 200] [--user coordinator] [--keep]

Builds the demo into a temporary data directory, starts the production server on a free port
of 127.0.0.1, logs in through the login form (CSRF token and session cookie, like a browser),
then requests in turn, N times each: the dashboard, the manuscript list (a page of 50), one
manuscript page, and the trivial view /healthz. Prints p50 and p95 of each and the ratio of
each page's p95 to the trivial view's p95. Exits 1 when a page's p95 is more than 5 times the
trivial view's (the target of issue #2). Standard library only.
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 5.0
HOST = "127.0.0.1"


def tribune_command() -> list[str]:
    script = Path(sys.executable).with_name("tribune")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "django"]  # with DJANGO_SETTINGS_MODULE set below


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_until_up(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise SystemExit("the server did not answer /healthz in time")


class Session:
    """A cookie-keeping client that never follows redirects silently into errors."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

        self.errors = 0

    def get(self, path: str) -> tuple[int, bytes]:
        # A connection reset by a busy server is retried (and counted), not fatal to the run.
        for attempt in range(3):
            try:
                with self.opener.open(self.base + path, timeout=30) as response:
                    return response.status, response.read()
            except (ConnectionError, urllib.error.URLError) as exc:
                if isinstance(exc, urllib.error.HTTPError) or attempt == 2:
                    raise
                self.errors += 1
        raise AssertionError("unreachable")

    def login(self, username: str, password: str) -> None:
        _status, html = self.get("/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if token is None:
            raise SystemExit("no CSRF token on the login page")
        data = urllib.parse.urlencode({"username": username, "password": password,
                                       "csrfmiddlewaretoken": token.group(1).decode()}).encode()
        request = urllib.request.Request(self.base + "/login/", data=data,
                                         headers={"Referer": self.base + "/login/"})
        with self.opener.open(request, timeout=30) as response:
            final = response.geturl()
        if "/login/" in final:
            raise SystemExit(f"login as {username} failed")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--user", default="coordinator", help="demo login to measure as (default coordinator)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="tribune-bench-"))
    env = dict(os.environ, TRIBUNE_DATA_DIR=str(data_dir), DEBUG="0", ALLOWED_HOSTS=HOST,
               DJANGO_SETTINGS_MODULE="tribune.settings")
    env.pop("DATABASE_URL", None)
    command = tribune_command()
    server = None
    try:
        started = time.monotonic()
        subprocess.run([*command, "demo", "--no-serve"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"demo built in {time.monotonic() - started:.1f} s into {data_dir}")

        port = free_port()
        base = f"http://{HOST}:{port}"
        server = subprocess.Popen([*command, "serve", "--host", HOST, "--port", str(port),
                                   "--workers", str(args.workers)], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_until_up(base, server)

        session = Session(base)
        session.login(args.user, "tribune-demo")
        _status, listing = session.get("/manuscripts/")
        found = re.search(rb'href="/manuscripts/(\d+)/"', listing)
        if found is None:
            raise SystemExit("no manuscript link on the manuscript list")
        pages = {
            "dashboard": "/",
            "manuscript list": "/manuscripts/",
            "manuscript page": f"/manuscripts/{found.group(1).decode()}/",
            "healthz (trivial)": "/healthz",
        }
        for path in pages.values():  # warm up every worker and cache
            for _ in range(max(5, args.workers * 3)):
                status, _body = session.get(path)
                if status != 200:
                    raise SystemExit(f"{path} answered {status}")

        timings = {name: [] for name in pages}
        for _ in range(args.n):  # interleaved, so every page sees the same conditions
            for name, path in pages.items():
                t0 = time.perf_counter()
                session.get(path)
                timings[name].append((time.perf_counter() - t0) * 1000)

        trivial_p95 = percentile(timings["healthz (trivial)"], 95)
        if session.errors:
            print(f"{session.errors} connection resets were retried")
        print(f"\n{args.n} requests per page as {args.user!r}, {args.workers} workers, SQLite demo data\n")
        print(f"{'page':<20}{'p50 ms':>10}{'p95 ms':>10}{'p95 / trivial p95':>20}")
        missed = []
        for name, values in timings.items():
            p50, p95 = statistics.median(values), percentile(values, 95)
            ratio = p95 / trivial_p95 if trivial_p95 else float("inf")
            print(f"{name:<20}{p50:>10.1f}{p95:>10.1f}{ratio:>19.1f}×")
            if name != "healthz (trivial)" and ratio > TARGET_RATIO:
                missed.append(name)
        if missed:
            print(f"\nTARGET MISSED (p95 within {TARGET_RATIO:g}× the trivial view): {', '.join(missed)}")
            return 1
        print(f"\ntarget met: every page's p95 is within {TARGET_RATIO:g}× the trivial view's")
        return 0
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        if args.keep:
            print(f"data kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
