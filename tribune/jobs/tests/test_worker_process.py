"""The real thing: a fact change queues a recompute, and a separate `tribune worker` process —
against a file-backed SQLite database, or PostgreSQL in the PostgreSQL pass — runs it.

Everything happens in subprocesses with their own database (not the test database), as on a
server: `tribune migrate`, a shell that records facts without eager jobs, `tribune worker
--batch`, and a shell that reads what the worker wrote."""

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings

SETUP = """
import datetime as dt
from django.utils import timezone
from tribune.assessment.scoring.schemes import scheme_create
from tribune.assessment.tests.reports_helpers import publish
from tribune.jobs.models import Job
from tribune.org.testing import build_world

world = build_world()
scheme_create(member=None, congress=world.congress, year=timezone.localdate().year, system=True)
publish(world, "区人大常委会开展执法检查", on=timezone.localdate())
print(Job.objects.filter(state="queued").count())
"""

CHECK = """
import json
from tribune.assessment.models import LedgerState, ScoreEntry
from tribune.jobs.models import Job
print(json.dumps({"states": sorted(set(Job.objects.values_list("state", flat=True))),
                  "ledgers": LedgerState.objects.count(),
                  "entries": ScoreEntry.objects.filter(congress__code="t-gaocheng").count()}))
"""


@pytest.fixture
def server_env(tmp_path):
    """The environment of a server process: its own SQLite file, or its own PostgreSQL database."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TRIBUNE_JOBS_EAGER")}
    env["TRIBUNE_DATA_DIR"] = str(tmp_path)
    env["DJANGO_SETTINGS_MODULE"] = "tribune.settings"
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        import psycopg

        name = f"tribune_worker_{uuid.uuid4().hex[:10]}"
        params = {"host": database.get("HOST") or "127.0.0.1", "port": database.get("PORT") or 5432,
                  "user": database.get("USER") or "postgres", "dbname": "postgres", "autocommit": True}
        if database.get("PASSWORD"):
            params["password"] = database["PASSWORD"]
        with psycopg.connect(**params) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        auth = params["user"] + (f":{params['password']}" if "password" in params else "")
        env["DATABASE_URL"] = f"postgres://{auth}@{params['host']}:{params['port']}/{name}"
        yield env
        with psycopg.connect(**params) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield env


def tribune(env, *args, timeout=300) -> str:
    result = subprocess.run([sys.executable, "-m", "tribune.cli", *args], env=env, capture_output=True, text=True,
                            timeout=timeout, cwd=settings.BASE_DIR.parent)
    assert result.returncode == 0, f"tribune {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_a_queued_recompute_is_done_by_a_separate_worker_process(server_env):
    tribune(server_env, "migrate", "--noinput", "-v", "0")
    queued = int(tribune(server_env, "shell", "-c", SETUP).strip().splitlines()[-1])
    assert queued >= 1  # the facts and the scheme queued their recomputes; nothing scored them yet
    before = json.loads(tribune(server_env, "shell", "-c", CHECK).strip().splitlines()[-1])
    assert before["entries"] == 0 and before["states"] == ["queued"]

    tribune(server_env, "worker", "--batch", "-v", "0")

    after = json.loads(tribune(server_env, "shell", "-c", CHECK).strip().splitlines()[-1])
    assert after["states"] == ["done"]
    assert after["ledgers"] >= 1 and after["entries"] > 0
