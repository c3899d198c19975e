"""Backup and restore of a whole installation: the database and the uploaded files, with a
manifest of SHA-256 checksums.

A backup folder holds `manifest.json`, the database (`database.sqlite3`, taken with SQLite's online
backup API while the application runs, or `database.dump`, pg_dump's custom format) and `media/`.
Restoring verifies every checksum first and refuses a backup of the other engine: a SQLite file
cannot become a PostgreSQL database by copying (use `dumpdata`/`loaddata` to move between engines).
"""

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """What went wrong, for the operator to read."""


def engine(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(db: dict) -> tuple[list[str], dict]:
    args = ["--host", str(db.get("HOST") or "127.0.0.1"), "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client).") from exc
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def backup(target: Path, alias: str = "default") -> dict:
    """Write a backup into `target` (created; must not hold anything yet). Returns the manifest."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty: choose a new folder for each backup.")
    target.mkdir(parents=True, exist_ok=True)
    kind = engine(alias)
    connection = connections[alias]
    if kind == "sqlite":
        database = target / "database.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(database)
        try:
            # The online backup API copies a consistent snapshot while others go on writing.
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        database = target / "database.dump"
        db = connection.settings_dict
        args, env = _pg_env(db)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args, "--file", str(database),
              db["NAME"]], env)
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists():
        shutil.copytree(media_root, target / "media")
    else:
        (target / "media").mkdir()
    files = {str(path.relative_to(target)): sha256(path)
             for path in sorted(target.rglob("*")) if path.is_file()}
    manifest = {"format": FORMAT, "engine": kind, "created_at": dt.datetime.now(dt.UTC).isoformat(),
                "database": database.name, "files": files}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    return manifest


def verify(source: Path) -> dict:
    """The manifest, once every file it lists is present with its checksum."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{source / MANIFEST} cannot be read: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    problems = []
    for name, expected in manifest.get("files", {}).items():
        path = source / name
        if not path.is_file():
            problems.append(f"missing: {name}")
        elif sha256(path) != expected:
            problems.append(f"checksum differs: {name}")
    if manifest.get("database") not in manifest.get("files", {}):
        problems.append("the manifest lists no database file")
    if problems:
        raise BackupError("The backup is damaged; nothing was restored.\n" + "\n".join(problems))
    return manifest


def restore(source: Path, alias: str = "default") -> dict:
    """Replace the database and the uploaded files with the backup's, after verifying it."""
    source = Path(source)
    manifest = verify(source)
    kind = engine(alias)
    if manifest["engine"] != kind:
        raise BackupError(f"This backup is of a {manifest['engine']} database and this installation uses {kind}: "
                          f"nothing was restored. Restore it into a {manifest['engine']} installation.")
    connection = connections[alias]
    database = source / manifest["database"]
    if kind == "sqlite":
        connection.ensure_connection()
        origin = sqlite3.connect(database)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
    else:
        db = connection.settings_dict
        connection.close()
        args, env = _pg_env(db)
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
              *args, "--dbname", db["NAME"], str(database)], env)
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists():
        shutil.rmtree(media_root)
    shutil.copytree(source / "media", media_root)
    return manifest
