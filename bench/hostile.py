"""Attack the demo as a hostile insider and as a crowd, from outside, over HTTP.

    .venv/bin/python bench/hostile.py [--users 30] [--seconds 60] [--keep]

Builds the demo into a temporary data directory (SQLite), serves it with `tribune serve` (gunicorn
and one background worker) on a free port of 127.0.0.1, then:

1. Cross-congress: logs in as a writer of another district (writer-luancheng) and as the director
   and the coordinator of the parent city, and requests every URL of the project that takes an
   id, filled with 藁城区's objects, plus the ledger and report pages with 藁城区's ids and codes
   in their query strings (every manuscript, person and office id). A leak is any answer that
   is a 200 for an object of 藁城区, or any page that shows a title of an unpublished 藁城区
   manuscript or the name of a 藁城区 person. Goal: 0.
2. Load: N users (the demo logins, reused round-robin), each in its own thread for S seconds,
   a mixed read/write workload: dashboard, manuscript list, a manuscript page, the notice, the
   ledger, the calendar, and writes — a new draft, an edit of it, a key point at a meeting.
   Counts requests and errors (a 5xx, a refused write that should have passed, a lost
   connection) and prints p50/p95. Goal: 0 errors.

Standard library, plus Django in-process to read the demo database for ids and URL patterns.
"""

import argparse
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import HOST, ROOT, Session, free_port, percentile, tribune_command, wait_until_up

PASSWORD = "tribune-demo"
OUTSIDERS = ["writer-luancheng", "city-director", "city-coordinator"]
CROWD = ["coordinator", "director", "leader1", "leader2", "head1", "writer1", "writer2", "writer3", "writer4",
         "writer5", "writer6", "writer7"]


class FormReader(HTMLParser):
    """The fields of the first POST form on a page whose action matches, with their values as
    the browser would send them untouched."""

    def __init__(self, action_pattern: str):
        super().__init__()
        self.pattern = re.compile(action_pattern)
        self.inside = False
        self.done = False
        self.action = ""
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._select_value: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (a.get("method") or "").lower() == "post" \
                and self.pattern.search(a.get("action") or ""):
            self.inside, self.action = True, a.get("action") or ""
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "select" and a.get("name"):
            self._select, self._select_value = a["name"], None
        elif tag == "option" and self._select is not None:
            if self._select_value is None or "selected" in a:
                self._select_value = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.fields.append((a["name"], ""))

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            self.fields.append((self._select, self._select_value or ""))
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self._textarea is not None:
            name, value = self.fields[-1]
            self.fields[-1] = (name, value + data)


class Client(Session):
    def post_form(self, page: str, action_pattern: str, changes: dict) -> tuple[int, str]:
        """Open `page`, fill its form as it stands with `changes`, send it; (status, final URL)."""
        _status, html = self.get(page)
        reader = FormReader(action_pattern)
        reader.feed(html.decode())
        if not reader.fields:
            raise AssertionError(f"no form matching {action_pattern!r} on {page}")
        fields = [(k, v) for k, v in reader.fields if k not in changes] + list(changes.items())
        data = urllib.parse.urlencode(fields).encode()
        action = reader.action or page
        request = urllib.request.Request(urllib.parse.urljoin(self.base + page, action), data=data,
                                         headers={"Referer": self.base + page})
        try:
            with self.opener.open(request, timeout=60) as response:
                response.read()
                return response.status, response.geturl()
        except urllib.error.HTTPError as exc:
            return exc.code, ""

    def status(self, path: str) -> tuple[int, str]:
        try:
            status, body = self.get(path)
            return status, body.decode(errors="replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode(errors="replace")


def django_setup(env: dict) -> None:
    os.environ.update({k: env[k] for k in ("TRIBUNE_DATA_DIR", "DJANGO_SETTINGS_MODULE")})
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def targets() -> tuple[list[str], list[str], set[str], set[str]]:
    """(URLs of 藁城区's objects, report URLs with 藁城区's ids and codes in the query, titles of
    its unpublished manuscripts, names of its people)."""
    from django.urls import reverse

    from tribune.newsroom.models import Manuscript, Publication
    from tribune.org.models import Congress, Member, Office
    from tribune.web.tests.site import PLAIN_KWARGS, fill_kwargs, routes

    gaocheng = Congress.objects.get(code="gaocheng")
    object_urls = []
    for route in routes():
        kwargs, _reason = fill_kwargs(route, gaocheng)
        if kwargs and set(kwargs) - PLAIN_KWARGS:
            object_urls.append(reverse(route.name, kwargs=kwargs))
    published = set(Publication.objects.values_list("submission__manuscript_id", flat=True))
    manuscripts = list(Manuscript.objects.filter(congress=gaocheng).values_list("pk", "title"))
    # A title is secret when no published manuscript carries it (the demo repeats headlines).
    secret_titles = ({title for pk, title in manuscripts if pk not in published}
                     - {title for pk, title in manuscripts if pk in published})
    names = set(Member.objects.filter(congress=gaocheng).values_list("name", flat=True))
    ledger = reverse("assessment:ledger")
    probes = [f"{ledger}?manuscript={pk}" for pk, _title in manuscripts]
    probes += [f"{ledger}?member={pk}" for pk in Member.objects.filter(congress=gaocheng).values_list("pk", flat=True)]
    probes += [f"{ledger}?office={pk}" for pk in Office.objects.filter(congress=gaocheng).values_list("pk", flat=True)]
    probes += [f"{ledger}?congress=gaocheng", f"{ledger}?by=gaocheng&congress=gaocheng",
               f"{ledger}?by=shijiazhuang&congress=gaocheng",
               f"{ledger}?by=shijiazhuang&children=1",
               reverse("assessment:notice_latest") + "?congress=gaocheng",
               reverse("assessment:ranking_latest") + "?congress=gaocheng",
               reverse("assessment:scheme") + "?congress=gaocheng"]
    probes += [f"{ledger}?by=shijiazhuang&congress=gaocheng&manuscript={pk}" for pk, _t in manuscripts]
    return object_urls, probes, secret_titles, names


def cross_congress(base: str) -> tuple[int, list[str]]:
    object_urls, probes, secret_titles, names = targets()
    requests, leaks = 0, []
    for username in OUTSIDERS:
        client = Client(base)
        client.login(username, PASSWORD)
        city = username.startswith("city-")
        for url in object_urls + probes:
            status, html = client.status(url)
            requests += 1
            if url in object_urls and status == 200:
                leaks.append(f"{username} {url}: 200 for an object of 藁城区")
            shown = [t for t in secret_titles if t in html]
            if shown:
                leaks.append(f"{username} {url}: unpublished title {shown[0]!r}")
            # The city may see names of 藁城区's people in its own scheme's ledger lines.
            if not (city and "by=shijiazhuang" in url):
                people = [n for n in names if len(n) > 1 and f">{n}<" in html]
                if people:
                    leaks.append(f"{username} {url}: person {people[0]!r}")
    return requests, leaks


def load(base: str, users: int, seconds: float) -> dict:
    from tribune.newsroom.models import Manuscript
    from tribune.planning.models import Meeting

    manuscripts = list(Manuscript.objects.filter(congress__code="gaocheng").values_list("pk", flat=True)[:200])
    meeting = Meeting.objects.filter(congress__code="gaocheng").order_by("-start_date").first()
    today = time.strftime("%Y-%m")
    reads = ["/", "/manuscripts/", "/assessment/ledger/", f"/assessment/notice/{today}/", "/planning/"]
    timings: list[float] = []
    errors: list[str] = []
    counts = {"reads": 0, "writes": 0}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def record(ms, error=None, write=False):
        with lock:
            timings.append(ms)
            counts["writes" if write else "reads"] += 1
            if error:
                errors.append(error)

    def user(index: int):
        username = CROWD[index % len(CROWD)]
        client = Client(base)
        client.login(username, PASSWORD)
        rng = random.Random(index)
        mine = None
        while time.monotonic() < stop:
            roll = rng.random()
            t0 = time.perf_counter()
            try:
                if roll < 0.08 and username.startswith("writer"):
                    status, url = client.post_form("/manuscripts/new/", r"/manuscripts/new/$",
                                                   {"title": f"压力测试稿件{index}-{rng.randint(1, 10**6)}",
                                                    "body": "区人大常委会开展执法检查。" * 20})
                    found = re.search(r"/manuscripts/(\d+)/", url)
                    mine = found.group(1) if found else mine
                    ok = status in (200, 302, 303) and found
                    record((time.perf_counter() - t0) * 1000, None if ok else f"{username} new draft: {status}", True)
                elif roll < 0.16 and mine is not None:
                    status, _url = client.post_form(f"/manuscripts/{mine}/edit/", rf"/manuscripts/{mine}/edit/",
                                                    {"body": "修改后的正文。" * 30})
                    record((time.perf_counter() - t0) * 1000,
                           None if status in (200, 302, 303) else f"{username} edit: {status}", True)
                elif roll < 0.22 and meeting is not None:
                    status, _url = client.post_form(f"/planning/meetings/{meeting.pk}/", r"key-points/add/",
                                                    {"text": f"会议要点{rng.randint(1, 10**6)}"})
                    record((time.perf_counter() - t0) * 1000,
                           None if status in (200, 204, 302, 303) else f"{username} key point: {status}", True)
                else:
                    path = rng.choice([*reads, f"/manuscripts/{rng.choice(manuscripts)}/"])
                    status, _body = client.status(path)
                    record((time.perf_counter() - t0) * 1000,
                           None if status < 500 else f"{username} GET {path}: {status}")
            except Exception as exc:  # a lost connection or a timeout is an error of the run
                record((time.perf_counter() - t0) * 1000, f"{username}: {type(exc).__name__} {exc}")

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"requests": len(timings), **counts, "errors": errors, "p50": statistics.median(timings),
            "p95": percentile(timings, 95), "seconds": seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="tribune-hostile-"))
    env = dict(os.environ, TRIBUNE_DATA_DIR=str(data_dir), DEBUG="0", ALLOWED_HOSTS=HOST,
               DJANGO_SETTINGS_MODULE="tribune.settings", TRIBUNE_LOCKOUT_ADDRESS_FAILURES="100000")
    env.pop("DATABASE_URL", None)
    command = tribune_command()
    server = None
    try:
        subprocess.run([*command, "demo", "--no-serve"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = subprocess.Popen([*command, "serve", "--host", HOST, "--port", str(port), "--workers",
                                   str(args.workers)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        wait_until_up(base, server)
        django_setup(env)

        requests, leaks = cross_congress(base)
        print(f"cross-congress: {requests} requests as {', '.join(OUTSIDERS)}; leaks found: {len(leaks)}")
        for leak in leaks[:20]:
            print("  LEAK", leak)

        result = load(base, args.users, args.seconds)
        print(f"load: {args.users} users for {result['seconds']:g} s, {args.workers} gunicorn workers: "
              f"{result['requests']} requests ({result['reads']} reads, {result['writes']} writes), "
              f"{len(result['errors'])} errors, p50 {result['p50']:.0f} ms, p95 {result['p95']:.0f} ms")
        for error in result["errors"][:20]:
            print("  ERROR", error)
        print(f"load average: {os.getloadavg()[0]:.1f}")
        return 1 if leaks or result["errors"] else 0
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        if args.keep:
            print(f"data kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
