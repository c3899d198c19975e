"""Province-sized benchmark of the scoring half (a benchmark, not a test).

Builds, in a scratch PostgreSQL database, one province with 11 cities and 170 counties of
8 offices each, and (at --scale 1) 1,000,000 manuscripts, ~1,500,000 submissions,
~600,000 publications and ~3,000,000 metric snapshots in the year, loaded with COPY; then
measures:

1. recomputing one county's year (facts → engine → ledger rows), cold;
2. one county's monthly notice (the reports' NoticeExporter on a fresh ledger);
3. a city's ranking of its counties under the city's scheme, as read from the ledgers the
   worker computed (and what computing them took);
4. the province's quarterly ranking of all 170 counties under the province's scheme (every
   county's ledger already computed; the 170 recomputes are timed too);
5. the facts' fingerprint of one county, and of the 50 counties a worker's sweep checks at most.

Usage (from the repository root):

    .venv/bin/python bench/province.py --scale 0.1
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/tribune_bench .venv/bin/python bench/province.py

The database named in BENCH_DATABASE_URL is dropped and created again (unless --reuse).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/tribune_bench"
YEAR = 2026
COUNTIES, CITIES = 170, 11
OFFICES_PER_COUNTY = 8
WRITERS_PER_COUNTY = 12
OUTLETS = [  # (name, level, kind): each congress's catalogue
    ("人民日报", "national", "newspaper"), ("新华网", "national", "website"), ("人民网", "national", "website"),
    ("河北日报", "provincial", "newspaper"), ("长城网", "provincial", "website"),
    ("河北新闻网", "provincial", "website"),
    ("河北人大公众号", "provincial", "wechat"), ("河北电视台", "provincial", "tv"),
    ("石家庄日报", "city", "newspaper"), ("燕赵晚报", "city", "newspaper"), ("市人大公众号", "city", "wechat"),
    ("市电视台", "city", "tv"), ("市新闻网", "city", "website"), ("市融媒体", "city", "app"),
    ("区融媒体中心", "county", "app"), ("区人大公众号", "county", "wechat"), ("区电视台", "county", "tv"),
    ("区政府网", "county", "website"), ("区报", "county", "newspaper"), ("区微博", "county", "weibo"),
]
LEVEL_WEIGHTS = {"national": 1, "provincial": 3, "city": 5, "county": 8}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scale", type=float, default=1.0, help="fraction of 1,000,000 manuscripts (default 1)")
    p.add_argument("--reuse", action="store_true", help="measure on the data already loaded")
    p.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported)")
    p.add_argument("--skip-province", action="store_true",
                   help="skip the province ranking (it first scores all 170 counties under the province's scheme)")
    return p.parse_args()


def recreate_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
        # Index lookups cost little more than sequential reads on solid-state disks; with the
        # default (4) the planner scans whole tables for one county's facts.
        conn.execute(f'ALTER DATABASE "{name}" SET random_page_cost = 1.1')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tribune.settings")
    import django

    django.setup()


# --- Generating -------------------------------------------------------------------------------

class Loader:
    """COPY rows into a table, checking the column list against the model first."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.counts: dict[str, int] = {}

    def copy(self, model, columns: list[str], rows) -> int:
        expected = [f.column for f in model._meta.concrete_fields]
        missing = set(expected) - set(columns)
        assert not missing, f"{model._meta.db_table}: columns not given: {missing}"
        table = model._meta.db_table
        n = 0
        with self.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                n += 1
        self.counts[table] = self.counts.get(table, 0) + n
        return n


def generate(scale: float, rng: random.Random) -> dict:
    from django.contrib.auth.models import User
    from django.db import connection

    from tribune.newsroom.models import (
        Manuscript,
        ManuscriptAuthor,
        MetricSnapshot,
        Publication,
        Reprint,
        Submission,
    )
    from tribune.org.models import Congress, Member, MemberRole, Office
    from tribune.outlets.models import Outlet

    tz = dt.timezone(dt.timedelta(hours=8))
    now = dt.datetime(YEAR, 11, 27, 9, tzinfo=tz)
    started = time.perf_counter()
    with connection.cursor() as django_cursor:
        cur = django_cursor.cursor  # the psycopg cursor, for COPY
        load = Loader(cur)
        # Congresses: 1 province, 11 cities, 170 counties spread over the cities.
        congresses = [(1, "河北省人大常委会", "河北省", "hebei", "province", None)]
        city_ids = list(range(2, 2 + CITIES))
        for i, cid in enumerate(city_ids):
            congresses.append((cid, f"第{i + 1}市人大常委会", f"第{i + 1}市", f"city{i + 1}", "city", 1))
        county_ids = list(range(100, 100 + COUNTIES))
        county_city = {}
        for i, cid in enumerate(county_ids):
            county_city[cid] = city_ids[i % CITIES]
            congresses.append((cid, f"第{i + 1}县人大常委会", f"第{i + 1}县", f"county{i + 1}", "county",
                               county_city[cid]))
        load.copy(Congress, ["id", "name", "short_name", "code", "level", "parent_id", "province", "city",
                             "approval_chain"],
                  ((c[0], c[1], c[2], c[3], c[4], c[5], "河北", "", '["leader", "director"]') for c in congresses))
        # Offices, users, members (writers of each county; a coordinator in every congress).
        offices, members = {}, {}
        office_rows, user_rows, member_rows, role_rows = [], [], [], []
        oid = mid = 0
        for c in congresses:
            cid = c[0]
            n_offices = OFFICES_PER_COUNTY if c[4] == "county" else 3
            offices[cid] = []
            for k in range(n_offices):
                oid += 1
                offices[cid].append(oid)
                office_rows.append((oid, cid, f"委室{k + 1}", k, None, 1))
            members[cid] = []
            for k in range(WRITERS_PER_COUNTY if c[4] == "county" else 1):
                mid += 1
                user_rows.append((mid, "!", None, False, f"u{mid}", "", "", "", False, True, now))
                office = offices[cid][k % n_offices]
                member_rows.append((mid, mid, cid, office, f"人员{mid}", "", True))
                role_rows.append((mid, mid, "writer" if k else "coordinator"))
                members[cid].append((mid, office))
        load.copy(Office, ["id", "congress_id", "name", "position", "leader_id", "minimum_monthly"], office_rows)
        load.copy(User, ["id", "password", "last_login", "is_superuser", "username", "first_name", "last_name",
                         "email", "is_staff", "is_active", "date_joined"], user_rows)
        load.copy(Member, ["id", "user_id", "congress_id", "office_id", "name", "title", "is_active"], member_rows)
        load.copy(MemberRole, ["id", "member_id", "role"], role_rows)
        outlets = {}
        outlet_rows = []
        xid = 0
        for c in congresses:
            outlets[c[0]] = []
            for name, level, kind in OUTLETS:
                xid += 1
                outlet_rows.append((xid, c[0], name, level, kind, "", True, 1, now))
                outlets[c[0]].append((xid, level, name))
        load.copy(Outlet, ["id", "congress_id", "name", "level", "kind", "address", "is_active", "version",
                           "updated_at"], outlet_rows)

        # The year's work: manuscripts → authors, submissions → publications → snapshots, reprints.
        total = int(1_000_000 * scale)
        per_county = total // COUNTIES
        year_start = dt.datetime(YEAR, 1, 1, 9, tzinfo=tz)
        span = (now - year_start).total_seconds() - 20 * 86400
        ms_rows, author_rows, sub_rows, pub_rows, snap_rows, reprint_rows = [], [], [], [], [], []
        ms_id = au_id = sub_id = pub_id = snap_id = rp_id = 0
        body_long = "人" * 1200
        flush_at = 200_000

        def flush():
            load.copy(Manuscript, ["id", "congress_id", "office_id", "title", "body", "kind", "topic_id",
                                   "event_date", "editor", "supervisor", "created_by_id", "created_at",
                                   "updated_at", "version", "revision", "state", "review_step", "review_role"],
                      ms_rows)
            load.copy(ManuscriptAuthor, ["id", "manuscript_id", "member_id", "position", "share"], author_rows)
            load.copy(Submission, ["id", "manuscript_id", "outlet_id", "channel", "submitted_by_id",
                                   "submitted_at", "note"], sub_rows)
            load.copy(Publication, ["id", "submission_id", "published_on", "title", "address", "placement",
                                    "combined", "recorded_by_id", "recorded_at", "withdrawn_at", "withdrawn_reason",
                                    "withdrawn_for_error", "version"], pub_rows)
            load.copy(MetricSnapshot, ["id", "publication_id", "taken_at", "reads", "shares", "likes", "comments",
                                       "source", "recorded_by_id"], snap_rows)
            load.copy(Reprint, ["id", "publication_id", "outlet_id", "outlet_name", "level", "address",
                                "reprinted_on", "recorded_by_id", "recorded_at"], reprint_rows)
            for rows in (ms_rows, author_rows, sub_rows, pub_rows, snap_rows, reprint_rows):
                rows.clear()

        rnd = rng.random
        for cid in county_ids:
            people = members[cid]
            coord = people[0][0]
            catalogue = outlets[cid]
            weights = [LEVEL_WEIGHTS[o[1]] for o in catalogue]
            for _ in range(per_county):
                ms_id += 1
                created = year_start + dt.timedelta(seconds=rnd() * span)
                author, office = people[1 + int(rnd() * (len(people) - 1))]
                body = body_long if rnd() < 0.05 else ""
                published = False
                n_subs = 1 if rnd() < 0.5 else 2
                chosen = rng.choices(catalogue, weights=weights, k=n_subs)
                seen = set()
                for outlet_id, _level, _name in chosen:
                    if outlet_id in seen:
                        continue
                    seen.add(outlet_id)
                    sub_id += 1
                    submitted = created + dt.timedelta(days=1 + rnd() * 4)
                    sub_rows.append((sub_id, ms_id, outlet_id, "email", coord, submitted, ""))
                    if rnd() < 0.4:
                        published = True
                        pub_id += 1
                        on = (submitted + dt.timedelta(days=1 + rnd() * 6)).date()
                        placement = "front_page" if rnd() < 0.05 else ("headline" if rnd() < 0.05 else "")
                        withdrawn = now if rnd() < 0.002 else None
                        pub_rows.append((pub_id, sub_id, on, f"稿件{ms_id}", "", placement, rnd() < 0.1, coord,
                                         submitted, withdrawn, "失实" if withdrawn else "", withdrawn is not None, 1))
                        reads = int(rnd() * 15000)
                        for k in range(5):
                            snap_id += 1
                            taken = dt.datetime.combine(on, dt.time(20), tz) + dt.timedelta(days=3 * k)
                            snap_rows.append((snap_id, pub_id, taken, reads * (k + 1) // 5, reads // 50, 0, 0,
                                              "import", None))
                        if rnd() < 0.05:
                            rp_id += 1
                            rp_outlet = catalogue[int(rnd() * 3)]
                            reprint_rows.append((rp_id, pub_id, rp_outlet[0], rp_outlet[2], rp_outlet[1], "",
                                                 on + dt.timedelta(days=1), coord, submitted))
                state = "published" if published else "submitted"
                ms_rows.append((ms_id, cid, office, f"稿件{ms_id}", body, "article", None, None, "", "", author,
                                created, created, 1, 1, state, None, ""))
                au_id += 1
                author_rows.append((au_id, ms_id, author, 1, 100 if rnd() < 0.7 else 60))
                if author_rows[-1][4] == 60:
                    au_id += 1
                    other = people[1 + (people.index((author, office)) % (len(people) - 1))][0]
                    if other == author:
                        author_rows[-1] = (au_id - 1, ms_id, author, 1, 100)
                        au_id -= 1
                    else:
                        author_rows.append((au_id, ms_id, other, 2, 40))
                if len(snap_rows) > flush_at:
                    flush()
        flush()
        for model in (User, Congress, Office, Member, MemberRole, Outlet, Manuscript, ManuscriptAuthor, Submission,
                      Publication, MetricSnapshot, Reprint):
            table = model._meta.db_table
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}")
        cur.execute("ANALYZE")
    return {"seconds": time.perf_counter() - started, "counts": load.counts, "county_ids": county_ids,
            "city_ids": city_ids}


def install_schemes() -> None:
    from tribune.assessment.models import ScoringScheme
    from tribune.assessment.scoring import scheme_format
    from tribune.assessment.scoring.defaults import CITY_DOCUMENT, COUNTY_DOCUMENT
    from tribune.org.models import Congress

    for congress in Congress.objects.all():
        base = COUNTY_DOCUMENT if congress.level == "county" else CITY_DOCUMENT
        doc = scheme_format.validate({"name": f"{congress.short_name}{YEAR}年度考核细则", **base})
        ScoringScheme.objects.update_or_create(congress=congress, year=YEAR,
                                               defaults={"name": doc["name"], "document": doc})


# --- Measuring --------------------------------------------------------------------------------

def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(repeat: int, skip_province: bool = False) -> dict:
    from django.db import connection
    from django.db.models import Count

    from tribune.assessment.models import ScoreEntry, ScoringScheme
    from tribune.assessment.reports.notice import NoticeExporter
    from tribune.assessment.reports.ranking import RankingExporter
    from tribune.assessment.scoring import ledger as services
    from tribune.assessment.scoring.fingerprint import fingerprints
    from tribune.assessment.scoring.periods import Month, Quarter
    from tribune.newsroom.models import Manuscript
    from tribune.org.models import Congress

    with connection.cursor() as cursor:  # every measurement starts from an empty ledger
        cursor.execute("TRUNCATE assessment_scoreentry, assessment_ledgerstate")
    figures = {}
    busiest = (Manuscript.objects.values("congress_id").annotate(n=Count("id")).order_by("-n").first())
    county = Congress.objects.get(pk=busiest["congress_id"])
    city = county.parent
    province = city.parent

    start = time.perf_counter()
    services.score_recompute(congress=county, year=YEAR)
    figures["recompute_first"] = (time.perf_counter() - start, f"{county.code}, into an empty ledger")
    seconds, result = timed(lambda: services.score_recompute(congress=county, year=YEAR), repeat)
    figures["recompute"] = (seconds, f"{county.code}: {busiest['n']:,} manuscripts, {result.written:,} entries "
                                     f"replacing the previous ones")
    seconds, _r = timed(lambda: fingerprints([county.pk]), repeat)
    figures["fingerprint"] = (seconds, f"{county.code}: the facts' fingerprint (once per recompute, and in the "
                                       f"worker's sweep)")

    # Reports read the ledger as it stands (the worker keeps it current): the recompute above made it fresh.
    month = Month(YEAR, 10)
    seconds, _r = timed(lambda: NoticeExporter(county, month).report(), repeat)
    figures["notice"] = (seconds, f"{county.code} {month}, NoticeExporter.report()")

    children = list(city.children.order_by("code"))
    city_scheme = ScoringScheme.objects.get(congress=city, year=YEAR)
    start = time.perf_counter()
    for child in children:  # what the worker does when the city's scheme changes
        services.score_recompute(congress=child, year=YEAR, scheme=city_scheme)
    cold = time.perf_counter() - start
    seconds, _ranking = timed(lambda: services.score_children(city, YEAR), repeat)
    figures["city_ranking"] = (seconds, f"{city.code}: {len(children)} counties, ledgers computed; computing "
                                        f"them under the city's scheme took {cold:.2f} s")
    quarter = Quarter(YEAR, 3)
    seconds, _r = timed(lambda: RankingExporter(city, quarter, upward=True).report(), repeat)
    figures["city_ranking_report"] = (seconds, f"{city.code} {quarter}, RankingExporter(upward).report()")

    if skip_province:
        return figures
    counties = list(Congress.objects.filter(level="county").order_by("code"))
    province_scheme = ScoringScheme.objects.get(congress=province, year=YEAR)
    start = time.perf_counter()
    for c in counties:
        services.score_recompute(congress=c, year=YEAR, scheme=province_scheme)
    cold = time.perf_counter() - start
    q_from, q_to = dt.date(YEAR, 7, 1), dt.date(YEAR, 9, 30)
    seconds, _ranking = timed(lambda: services.rank_congresses(province, counties, YEAR, q_from, q_to), repeat)
    figures["province_ranking"] = (seconds, f"{len(counties)} counties, {YEAR}-Q3, ledgers computed (170 "
                                            f"recomputes took {cold:.1f} s); ledger rows "
                                            f"{ScoreEntry.objects.count():,}")
    # The worker's sweep fingerprints at most FULL_CHECKS_PER_SWEEP ledgers' congresses at a time.
    sweep = [c.pk for c in counties[:50]]
    seconds, _r = timed(lambda: fingerprints(sweep), repeat)
    figures["fingerprint_sweep"] = (seconds, f"{len(sweep)} counties' fingerprints in one query (a sweep's most)")
    return figures


def main() -> None:
    args = parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    if not args.reuse:
        recreate_database(url)
    setup_django(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not args.reuse:
        info = generate(args.scale, random.Random(20261127))
        print(f"generated in {info['seconds']:.0f} s:")
        for table, n in info["counts"].items():
            print(f"  {table:32s} {n:>12,}")
    install_schemes()
    figures = measure(args.repeat, args.skip_province)
    print(f"\nscale {args.scale} — median of {args.repeat} runs")
    for name, (seconds, note) in figures.items():
        shown = f"{seconds * 1000:8.0f} ms" if seconds is not None else "       —"
        print(f"  {name:22s} {shown}   {note}")


if __name__ == "__main__":
    main()
