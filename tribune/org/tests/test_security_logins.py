"""等保 2.0 level 2 for logins: the lockout that must hold, the password that must change, the
session that must end."""

import datetime as dt

import pytest
from axes.models import AccessFailureLog
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tribune.org import lockout, services
from tribune.org.middleware import SESSION_LOGIN_AT, SESSION_SEEN_AT
from tribune.org.models import AuditEntry, PasswordState
from tribune.org.testing import PASSWORD

NEW_PASSWORD = "Fresh-Start-2026"


def attempt(username, password="wrong", ip="10.0.0.7"):
    return Client(REMOTE_ADDR=ip).post(reverse("login"), {"username": username, "password": password})


# --- Lockout ----------------------------------------------------------------------------------------

def test_five_failures_lock_the_account_even_with_the_right_password(world):
    for _ in range(5):
        assert attempt("t-writer").status_code == 200
    response = attempt("t-writer", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "账号已被锁定" in html and "安全管理员" in html
    assert AuditEntry.objects.filter(action="lockout", username="t-writer", congress_id=world.congress.pk).exists()


def test_four_failures_do_not_lock(world):
    for _ in range(4):
        attempt("t-writer")
    assert attempt("t-writer", PASSWORD).status_code == 302


def test_the_lock_holds_from_another_address(world):
    for _ in range(5):
        attempt("t-writer", ip="10.0.0.7")
    assert attempt("t-writer", PASSWORD, ip="10.0.0.99").status_code == 429


def test_failures_spread_wider_than_the_window_do_not_lock(world):
    for _ in range(4):
        attempt("t-writer")
    AccessFailureLog.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=20))
    attempt("t-writer")
    assert attempt("t-writer", PASSWORD).status_code == 302


def test_the_lock_ends_after_the_lock_time(world):
    for _ in range(5):
        attempt("t-writer")
    AccessFailureLog.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=31))
    assert attempt("t-writer", PASSWORD).status_code == 302


def test_one_office_behind_nat_is_not_locked_by_a_few_peoples_mistakes(world):
    # Many people share 10.0.0.7: their failures do not lock the others' accounts.
    for username in ("t-writer2", "t-head", "t-leader", "t-leader2", "t-director", "t-coordinator"):
        for _ in range(3):
            attempt(username)
    assert attempt("t-writer", PASSWORD).status_code == 302


def test_an_address_is_locked_at_the_much_higher_count(world, settings):
    settings.TRIBUNE_LOCKOUT_ADDRESS_FAILURES = 8
    for i in range(8):
        attempt(f"nobody-{i}")
    assert attempt("t-writer", PASSWORD).status_code == 429
    assert attempt("t-writer", PASSWORD, ip="10.0.0.8").status_code == 302


def test_the_security_admin_unlocks_and_it_is_audited(world):
    for _ in range(5):
        attempt("t-writer")
    client = Client()
    client.force_login(world.security.user)
    page = client.get(reverse("org:security"))
    assert "t-writer" in page.content.decode()
    assert client.post(reverse("org:security_unlock", args=[world.writer.pk])).status_code == 302
    assert attempt("t-writer", PASSWORD).status_code == 302
    entry = AuditEntry.objects.get(action="lockout.unlock")
    assert entry.username == "t-security" and entry.object_id == str(world.writer.pk)


@pytest.mark.parametrize("who", ["admin", "auditor", "director", "writer"])
def test_nobody_else_unlocks(world, who):
    for _ in range(5):
        attempt("t-writer")
    client = Client()
    client.force_login(getattr(world, who).user)
    assert client.post(reverse("org:security_unlock", args=[world.writer.pk])).status_code == 403
    assert lockout.account_locked_until("t-writer") is not None


def test_the_security_admin_of_another_congress_gets_a_404(world):
    other = services.member_create(congress=world.other_congress, username="t-security2", name="外区安全",
                                   password=PASSWORD, roles=["security_admin"])
    client = Client()
    client.force_login(other.user)
    assert client.post(reverse("org:security_unlock", args=[world.writer.pk])).status_code == 404


def test_the_unlock_command_lifts_a_lock_and_is_audited(world):
    for _ in range(5):
        attempt("t-writer")
    call_command("unlock", "t-writer")
    assert attempt("t-writer", PASSWORD).status_code == 302
    entry = AuditEntry.objects.get(action="lockout.unlock")
    assert entry.congress_id == world.congress.pk and entry.detail["by"] == "command"


def test_the_lock_rule_counts_a_window_and_extends_while_locked():
    t0 = dt.datetime(2026, 1, 1, 9, 0)
    window, lock = dt.timedelta(minutes=15), dt.timedelta(minutes=30)
    minutes = [t0 + dt.timedelta(minutes=m) for m in (0, 1, 2, 3, 4)]
    assert lockout.locked_until(minutes, 5, window, lock, t0 + dt.timedelta(minutes=10)) == minutes[-1] + lock
    assert lockout.locked_until(minutes, 5, window, lock, minutes[-1] + lock) is None
    spread = [t0 + dt.timedelta(minutes=m) for m in (0, 10, 20, 30, 40)]
    assert lockout.locked_until(spread, 5, window, lock, spread[-1]) is None
    during = [*minutes, t0 + dt.timedelta(minutes=20)]
    assert lockout.locked_until(during, 5, window, lock, t0 + dt.timedelta(minutes=40)) == during[-1] + lock


# --- Passwords ------------------------------------------------------------------------------------

@pytest.mark.parametrize("password, message", [
    ("Ab1-", "至少需要 8 个字符"),
    ("abcdefgh12", "3 类"),
    ("Xt-writer-9", "登录名"),
    ("Password1!", "常见"),
])
def test_weak_passwords_are_refused_in_chinese(world, password, message):
    client = Client()
    client.force_login(world.writer.user)
    response = client.post(reverse("org:password_change"), {
        "old_password": PASSWORD, "new_password1": password, "new_password2": password})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_member_changes_their_password_from_the_header_link(world):
    client = Client()
    client.force_login(world.writer.user)
    assert reverse("org:password_change") in client.get(reverse("dashboard")).content.decode()
    response = client.post(reverse("org:password_change"), {
        "old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200  # still logged in
    world.writer.user.refresh_from_db()
    assert world.writer.user.check_password(NEW_PASSWORD)
    assert AuditEntry.objects.filter(action="password.change", username="t-writer").exists()


def test_a_member_created_by_the_admin_changes_the_password_at_first_login(world):
    created = services.member_create(congress=world.congress, actor=world.admin, username="t-new", name="新人",
                                     password="Given-Pass-42", roles=["writer"], office=world.office)
    client = Client()
    assert client.post(reverse("login"), {"username": "t-new", "password": "Given-Pass-42"}).status_code == 302
    response = client.get(reverse("newsroom:list"))
    assert response.status_code == 302 and response["Location"] == reverse("org:password_change")
    client.post(reverse("org:password_change"), {
        "old_password": "Given-Pass-42", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert client.get(reverse("newsroom:list")).status_code == 200
    assert not PasswordState.objects.get(user=created.user).must_change


def test_after_an_admin_reset_the_member_must_change_it(world):
    services.member_set_password(member=world.admin, target=world.writer, password="Reset-Pass-42")
    client = Client()
    client.force_login(world.writer.user)
    assert client.get(reverse("dashboard"))["Location"] == reverse("org:password_change")


def test_an_expired_password_forces_a_change_and_htmx_is_redirected_too(world):
    PasswordState.objects.filter(user=world.writer.user).update(
        expires=True, changed_at=timezone.now() - dt.timedelta(days=91))
    client = Client()
    client.force_login(world.writer.user)
    assert client.get(reverse("dashboard"))["Location"] == reverse("org:password_change")
    htmx = client.get(reverse("newsroom:list"), HTTP_HX_REQUEST="true")
    assert htmx["HX-Redirect"] == reverse("org:password_change")
    page = client.get(reverse("org:password_change"))
    assert page.status_code == 200 and "已过期" in page.content.decode()


def test_test_and_demo_accounts_never_expire(world):
    PasswordState.objects.filter(user=world.writer.user).update(changed_at=timezone.now() - dt.timedelta(days=900))
    client = Client()
    client.force_login(world.writer.user)
    assert client.get(reverse("dashboard")).status_code == 200


# --- Sessions --------------------------------------------------------------------------------------

def _shift(client, **seconds):
    session = client.session
    for key, delta in seconds.items():
        session[key] -= delta
    session.save()


def test_an_idle_session_ends_and_says_why(world):
    client = Client()
    client.force_login(world.writer.user)
    _shift(client, **{SESSION_SEEN_AT: 31 * 60})
    response = client.get(reverse("newsroom:list"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert client.get(reverse("newsroom:list")).status_code == 302  # logged out for good
    page = client.get(reverse("login"))
    assert "长时间未操作" in page.content.decode()
    assert AuditEntry.objects.filter(action="session.expired", username="t-writer").get().detail == {"reason": "idle"}


def test_a_session_ends_after_its_absolute_lifetime_even_if_active(world):
    client = Client()
    client.force_login(world.writer.user)
    _shift(client, **{SESSION_LOGIN_AT: 12 * 3600 + 1})
    assert client.get(reverse("newsroom:list")).status_code == 302
    assert AuditEntry.objects.get(action="session.expired").detail == {"reason": "absolute"}


def test_activity_refreshes_the_session_at_most_once_a_minute(world):
    client = Client()
    client.force_login(world.writer.user)
    seen = client.session[SESSION_SEEN_AT]
    client.get(reverse("newsroom:list"))
    assert client.session[SESSION_SEEN_AT] == seen  # within the minute: no session write
    _shift(client, **{SESSION_SEEN_AT: 5 * 60})
    client.get(reverse("newsroom:list"))
    assert client.session[SESSION_SEEN_AT] > seen - 5 * 60 + 60


def test_polling_does_not_keep_an_idle_session_alive(world):
    client = Client()
    client.force_login(world.writer.user)
    _shift(client, **{SESSION_SEEN_AT: 20 * 60})
    before = client.session[SESSION_SEEN_AT]
    client.get(reverse("newsroom:list"), HTTP_X_TRIBUNE_POLL="1", HTTP_HX_REQUEST="true")
    assert client.session[SESSION_SEEN_AT] == before
    _shift(client, **{SESSION_SEEN_AT: 11 * 60})
    response = client.get(reverse("newsroom:list"), HTTP_X_TRIBUNE_POLL="1", HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse("login")
