"""`tribune backup` and `tribune restore`: a round trip on the engine the suite runs on (SQLite by
default, PostgreSQL with DATABASE_URL), restored into a scratch installation of its own; damaged
backups and backups of the other engine are refused."""

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tribune.org.audit import audit_record
from tribune.org.models import AuditEntry, Member

ROOT = Path(__file__).resolve().parents[3]
# SQLite's backup API cannot copy from a connection inside an open write transaction (it waits for
# it forever), and the commands never run inside one: every test here commits as it goes.
pytestmark = pytest.mark.django_db(transaction=True)


def _scratch_installation(tmp_path):
    """Environment of a second installation: its own data dir and, on PostgreSQL, its own
    scratch database (dropped by the caller)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["TRIBUNE_DATA_DIR"] = str(tmp_path / "scratch")
    env["TRIBUNE_MEDIA_DIR"] = str(tmp_path / "scratch" / "media")
    name = None
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        name = f"tribune_restore_{uuid.uuid4().hex[:10]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        user = db.get("USER") or "postgres"
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
        env["DATABASE_URL"] = f"postgres://{user}{password}@{host}:{port}/{name}"
    else:
        env["DATABASE_URL"] = ""
    return env, name


def _drop(name):
    if name:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _count(env, sql):
    """One number from the scratch installation, through its own `tribune shell`."""
    code = f"from django.db import connection\nc = connection.cursor()\nc.execute({sql!r})\nprint(c.fetchone()[0])"
    result = subprocess.run([sys.executable, "-m", "tribune.cli", "shell", "-c", code], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip().splitlines()[-1])


def test_a_backup_restores_into_another_installation_with_data_and_files(world, tmp_path, settings):
    media = Path(settings.MEDIA_ROOT)
    (media / "attachments").mkdir(parents=True)
    (media / "attachments" / "photo.png").write_bytes(b"\x89PNG" + b"\x01" * 100)
    audit_record(action="test.before_backup", member=world.admin)
    members, entries = Member.objects.count(), AuditEntry.objects.count()

    call_command("backup", "-o", str(tmp_path / "bk"))
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    assert manifest["engine"] == connection.vendor
    assert "media/attachments/photo.png" in manifest["files"]

    env, name = _scratch_installation(tmp_path)
    try:
        result = subprocess.run([sys.executable, "-m", "tribune.cli", "restore", "--noinput", str(tmp_path / "bk")],
                                env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert _count(env, "SELECT COUNT(*) FROM org_member") == members
        assert _count(env, "SELECT COUNT(*) FROM org_auditentry") == entries
        assert _count(env, "SELECT COUNT(*) FROM org_auditentry WHERE action = 'test.before_backup'") == 1
        restored = tmp_path / "scratch" / "media" / "attachments" / "photo.png"
        assert restored.read_bytes() == b"\x89PNG" + b"\x01" * 100
    finally:
        _drop(name)


def test_restoring_in_place_brings_back_what_changed_since(world, tmp_path, settings):
    if connection.vendor != "sqlite":
        pytest.skip("in-place restore replaces the live test database: exercised on SQLite only; "
                    "PostgreSQL restores into a scratch database above")
    call_command("backup", "-o", str(tmp_path / "bk"))
    world.writer.user.delete()
    (Path(settings.MEDIA_ROOT) / "stray.txt").parent.mkdir(parents=True, exist_ok=True)
    (Path(settings.MEDIA_ROOT) / "stray.txt").write_text("after the backup")
    call_command("restore", str(tmp_path / "bk"), interactive=False)
    assert Member.objects.filter(user__username="t-writer").exists()
    assert not (Path(settings.MEDIA_ROOT) / "stray.txt").exists()


def test_a_damaged_backup_is_refused_before_anything_changes(world, tmp_path):
    call_command("backup", "-o", str(tmp_path / "bk"))
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    database = tmp_path / "bk" / manifest["database"]
    database.write_bytes(database.read_bytes() + b"x")
    with pytest.raises(CommandError, match="checksum differs"):
        call_command("restore", str(tmp_path / "bk"), interactive=False)


def test_a_backup_of_the_other_engine_is_refused_clearly(world, tmp_path):
    call_command("backup", "-o", str(tmp_path / "bk"))
    path = tmp_path / "bk" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["engine"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    path.write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match=f"this installation uses {connection.vendor}"):
        call_command("restore", str(tmp_path / "bk"), interactive=False)


def test_a_backup_never_overwrites_an_earlier_one(world, tmp_path):
    call_command("backup", "-o", str(tmp_path / "bk"))
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", "-o", str(tmp_path / "bk"))


def test_the_sqlite_backup_is_a_consistent_database_file(world, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's backup file; PostgreSQL's dump is checked by the round trip")
    call_command("backup", "-o", str(tmp_path / "bk"))
    copy = sqlite3.connect(tmp_path / "bk" / "database.sqlite3")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT COUNT(*) FROM org_member").fetchone()[0] == Member.objects.count()
