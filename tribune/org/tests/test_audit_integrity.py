"""The audit log as 等保 2.0 asks: append-only down to the database, who and where kept as plain
values, failed logins attributed to the right congress, addresses believed only from the proxy,
kept at least 180 days. (Every file sent is recorded: web/tests/test_audit_downloads.py, which
opens the pages of every app.)"""

import datetime as dt
import logging

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tribune.org.audit import audit_record
from tribune.org.models import AuditEntry
from tribune.org.testing import PASSWORD

TABLE = AuditEntry._meta.db_table
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the append-only trigger exists on PostgreSQL only (SQLite has no such trigger here; "
           "the ORM refuses there too)")


def auditor_sees(world, **params) -> list[AuditEntry]:
    client = Client()
    client.force_login(world.auditor.user)
    return list(client.get(reverse("audit_log"), params).context["page"].object_list)


# --- Append-only at the database ----------------------------------------------------------------

@on_postgresql
@pytest.mark.parametrize("statement", [f"UPDATE {TABLE} SET action = 'forged'", f"DELETE FROM {TABLE}"])
def test_postgresql_refuses_update_and_delete_of_audit_rows(world, statement):
    audit_record(action="test.entry", member=world.admin)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEntry.objects.filter(action="test.entry").count() == 1


@on_postgresql
def test_the_trigger_is_installed_for_update_and_delete_but_not_truncate(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgtype FROM pg_trigger WHERE tgname = 'tribune_audit_append_only'")
        (tgtype,) = cursor.fetchone()
    # pg_trigger.tgtype bits: 2 BEFORE, 8 DELETE, 16 UPDATE, 32 TRUNCATE.
    assert tgtype & 2 and tgtype & 8 and tgtype & 16 and not tgtype & 32


def test_an_entry_keeps_who_and_which_congress_when_the_user_is_deleted(world):
    entry = audit_record(action="test.entry", member=world.writer)
    user_id = world.writer.user.pk
    world.writer.notifications.all().delete()
    get_user_model().objects.filter(pk=user_id).delete()  # cascades to the member, not to the log
    entry = AuditEntry.objects.get(pk=entry.pk)
    assert (entry.user_id, entry.username) == (user_id, "t-writer")
    assert (entry.congress_id, entry.congress_code) == (world.congress.pk, "t-gaocheng")


def test_entries_older_than_180_days_are_still_shown(world):
    AuditEntry.objects.create(action="test.old", username="t-admin", congress_id=world.congress.pk,
                              at=timezone.now() - dt.timedelta(days=400))
    assert [e.action for e in auditor_sees(world, action="test.old")] == ["test.old"]


# --- Failed logins --------------------------------------------------------------------------------

def test_a_failed_login_of_another_districts_user_is_in_that_districts_log_not_ours(world):
    Client().post(reverse("login"), {"username": "t-outsider", "password": "wrong"})
    entry = AuditEntry.objects.get(action="login_failed")
    assert entry.congress_id == world.other_congress.pk and entry.username == "t-outsider"
    assert auditor_sees(world, action="login_failed") == []


def test_a_failed_login_of_our_user_is_in_our_log(world):
    Client().post(reverse("login"), {"username": "t-writer", "password": "wrong"})
    assert [e.username for e in auditor_sees(world, action="login_failed")] == ["t-writer"]


def test_a_failed_login_with_an_unknown_name_is_kept_but_shown_to_no_auditor(world):
    Client().post(reverse("login"), {"username": "my-secret-password", "password": "wrong"})
    entry = AuditEntry.objects.get(action="login_failed")
    assert entry.congress_id is None and entry.detail == {"username": "my-secret-password"}
    assert auditor_sees(world, action="login_failed") == []


# --- The client address ---------------------------------------------------------------------------

def _login_ip(**meta) -> str | None:
    Client(**meta).post(reverse("login"), {"username": "t-writer", "password": PASSWORD})
    return AuditEntry.objects.filter(action="login").latest("id").ip


def test_x_real_ip_from_an_untrusted_peer_is_ignored(world, settings):
    settings.TRIBUNE_TRUSTED_PROXIES = []
    assert _login_ip(REMOTE_ADDR="10.0.0.7", HTTP_X_REAL_IP="1.2.3.4") == "10.0.0.7"


def test_x_real_ip_from_a_trusted_proxy_is_believed(world, settings):
    import ipaddress

    settings.TRIBUNE_TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/24")]
    assert _login_ip(REMOTE_ADDR="10.0.0.7", HTTP_X_REAL_IP="192.168.5.20") == "192.168.5.20"
    assert _login_ip(REMOTE_ADDR="10.0.1.7", HTTP_X_REAL_IP="192.168.5.20") == "10.0.1.7"


def test_a_trusted_proxy_sending_garbage_gives_the_peer_address(world, settings):
    import ipaddress

    settings.TRIBUNE_TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.7/32")]
    assert _login_ip(REMOTE_ADDR="10.0.0.7", HTTP_X_REAL_IP="<script>") == "10.0.0.7"


# --- Refusals in the server log --------------------------------------------------------------------

def test_a_refusal_is_one_warning_line_without_a_traceback(world, caplog):
    from tribune.org.logfilters import ForbiddenWithoutTraceback

    client = Client(raise_request_exception=False)
    client.force_login(world.writer.user)
    logger = logging.getLogger("django.request")
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(reverse("audit_log")).status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1 and records[0].levelno == logging.WARNING
    assert any(isinstance(f, ForbiddenWithoutTraceback) for f in logger.filters)
    assert records[0].exc_info is None and "Traceback" not in caplog.text
