"""Reads never write: a GET of any page changes no domain data and runs no job.

Every URL of the project is requested with GET, filled with real objects, as the people who
may open it, with jobs queued (not run at once) as on a server. The SQL each request sends is
captured: no INSERT, UPDATE or DELETE may touch any table but the audit log (a download or a
refusal is recorded) and the session and login-attempt tables."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tribune.web.tests.site import build_site, fill_kwargs, routes

ROUTES = [r for r in routes() if r.name not in ("logout", "set_language")]  # forms that only POST
PEOPLE = ["coordinator", "director", "writer", "auditor", "admin"]
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)
MAY_WRITE = re.compile(r"^(org_auditentry|django_session|axes_\w+)$")


def writes(queries) -> list[str]:
    found = []
    for query in queries:
        match = WRITE.match(query["sql"])
        if match and not MAY_WRITE.match(match.group(1)):
            found.append(query["sql"][:160])
    return found


@pytest.mark.django_db
def test_no_get_of_any_page_writes_domain_data_or_runs_a_job(world, settings):
    build_site(world)  # with jobs run at once: every ledger current
    settings.TRIBUNE_JOBS_EAGER = False
    problems = []
    for who in PEOPLE:
        client = Client(raise_request_exception=False)
        client.force_login(getattr(world, who).user)
        for route in ROUTES:
            kwargs, _reason = fill_kwargs(route, world.congress)
            if kwargs is None:
                continue
            with CaptureQueriesContext(connection) as queries:
                client.get(reverse(route.name, kwargs=kwargs))
            if found := writes(queries.captured_queries):
                problems.append(f"{who} GET {route.name}: {found}")
    assert not problems, "\n".join(problems)


def test_the_write_finder_sees_writes():
    assert writes([{"sql": 'INSERT INTO "assessment_scoreentry" ("a") VALUES (1)'},
                   {"sql": 'UPDATE "jobs_job" SET "state" = 1'},
                   {"sql": 'DELETE FROM "assessment_scoreentry" WHERE 1'},
                   {"sql": 'INSERT INTO "org_auditentry" ("a") VALUES (1)'},
                   {"sql": 'SELECT 1 FROM "jobs_job"'}]) == [
        'INSERT INTO "assessment_scoreentry" ("a") VALUES (1)', 'UPDATE "jobs_job" SET "state" = 1',
        'DELETE FROM "assessment_scoreentry" WHERE 1']
