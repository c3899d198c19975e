"""A long Word import in one session does not make another session's save fail.

SQLite takes its one write lock when a transaction opens (transaction_mode IMMEDIATE): an import
that read its file inside the transaction held the lock for half a minute, and every other save
failed with "database is locked". The test runs on a file-backed copy of the test database (the
test database lives in memory, where SQLite's locking differs), with the production settings'
IMMEDIATE transactions and a short busy timeout. The import is held in the middle of reading its
file until the other session has saved: the save must succeed, and then the import too.
"""

import sqlite3
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from tribune.kit import docx_reader
from tribune.kit.testing import paragraphs_docx
from tribune.newsroom.models import Manuscript
from tribune.newsroom.services import writing

WAIT = 30  # seconds: a bound on a broken test, never reached when it passes


def _in_a_thread(work, results, key):
    def run():
        try:
            results[key] = work()
        except Exception as exc:  # the other thread's failure is reported by the assertion
            results[key] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.django_db(transaction=True)
def test_a_long_word_import_in_one_session_does_not_make_another_sessions_save_fail(world, tmp_path,
                                                                                    monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's database-wide write lock is what this guards against")
    draft = writing.manuscript_create(member=world.writer2, title="旧标题", body="正文")
    path = tmp_path / "tribune.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.execute("PRAGMA journal_mode=WAL")
    copy.close()
    # New threads open their own connections from these settings: to the file, IMMEDIATE,
    # with a 2-second busy timeout so that a regression fails fast.
    settings_dict = connection.settings_dict
    monkeypatch.setitem(settings_dict, "NAME", str(path))
    monkeypatch.setitem(settings_dict, "OPTIONS", {**settings_dict.get("OPTIONS", {}),
                                                   "transaction_mode": "IMMEDIATE", "timeout": 2})

    reading, saved = threading.Event(), threading.Event()
    real_read = docx_reader.read_paragraphs

    def slow_read(data, *args, **kwargs):
        reading.set()
        saved.wait(WAIT)  # the import is still reading its file while the other session saves
        return real_read(data, *args, **kwargs)

    monkeypatch.setattr(docx_reader, "read_paragraphs", slow_read)

    def import_word_file():
        client = Client(raise_request_exception=False)
        client.force_login(world.writer.user)
        upload = ("long.docx", paragraphs_docx(["长篇导入", *[f"第{i}段" for i in range(2000)]]))
        return client.post(reverse("newsroom:import"), {"file": SimpleUploadedFile(*upload)})

    def save_another_manuscript():
        try:
            assert reading.wait(WAIT), "the import never started reading"
            client = Client(raise_request_exception=False)
            client.force_login(world.writer2.user)
            return client.post(reverse("newsroom:edit", args=[draft.pk]), {
                "version": draft.version, "title": "新标题", "body": "改过的正文", "kind": draft.kind})
        finally:
            saved.set()

    results = {}
    threads = [_in_a_thread(import_word_file, results, "import"),
               _in_a_thread(save_another_manuscript, results, "save")]
    for thread in threads:
        thread.join(WAIT * 2)

    assert not isinstance(results["save"], Exception), results["save"]
    assert results["save"].status_code in (302, 303), f"the other session's save failed: {results['save']}"
    assert not isinstance(results["import"], Exception), results["import"]
    assert results["import"].status_code in (302, 303), results["import"].content.decode()[:500]
    with sqlite3.connect(path) as check:
        assert check.execute("SELECT title FROM newsroom_manuscript WHERE id = ?", [draft.pk]).fetchone() == ("新标题",)
        imported = check.execute("SELECT count(*) FROM newsroom_manuscript WHERE title = ?", ["长篇导入"]).fetchone()
        assert imported == (1,)
    assert Manuscript.objects.filter(pk=draft.pk, title="旧标题").exists()  # the in-memory test database is untouched
