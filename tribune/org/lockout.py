"""Login lockout, on django-axes: an account is locked after N failures within a window, for a
while; an address only at a much higher count (a whole office shares one address behind NAT).

django-axes records every failure (AccessFailureLog, one row per failure with its time) and asks
its handler whether a request is locked. Its own rule has one limit and one time for both
counting and locking; ours has two limits (account, address), a counting window and a lock
time, so the handler below answers from the failure log:

    locked  ⇔  some N failures of the account (or N_address of the address) fall within one
               window W, and the last of them is less than L ago.

Further failures while locked are recorded too, so a lock lasts L after the last attempt.
Settings (environment): TRIBUNE_LOCKOUT_FAILURES (5), TRIBUNE_LOCKOUT_WINDOW_MINUTES (15),
TRIBUNE_LOCKOUT_MINUTES (30), TRIBUNE_LOCKOUT_ADDRESS_FAILURES (50).
"""

import datetime as dt
from dataclasses import dataclass

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


@dataclass(frozen=True)
class Policy:
    failures: int
    window: dt.timedelta
    lock: dt.timedelta
    address_failures: int


def policy() -> Policy:
    return Policy(failures=settings.TRIBUNE_LOCKOUT_FAILURES,
                  window=dt.timedelta(minutes=settings.TRIBUNE_LOCKOUT_WINDOW_MINUTES),
                  lock=dt.timedelta(minutes=settings.TRIBUNE_LOCKOUT_MINUTES),
                  address_failures=settings.TRIBUNE_LOCKOUT_ADDRESS_FAILURES)


def locked_until(times: list[dt.datetime], limit: int, window: dt.timedelta, lock: dt.timedelta,
                 now: dt.datetime) -> dt.datetime | None:
    """When the lock ends, given the failure times; None if not locked now. Pure: no Django.
    A failure while locked extends the lock and is not counted again after it."""
    times = sorted(times)
    lock_end, first = None, 0
    for i, at in enumerate(times):
        if lock_end is not None and at < lock_end:
            lock_end, first = at + lock, i + 1
            continue
        start = i - limit + 1
        if start >= first and at - times[start] <= window:
            lock_end, first = at + lock, i + 1
    return lock_end if lock_end is not None and lock_end > now else None


def _times(**lookup) -> list[dt.datetime]:
    p = policy()
    since = timezone.now() - p.window - p.lock - dt.timedelta(days=1)
    return list(AccessFailureLog.objects.filter(attempt_time__gte=since, **lookup)
                .values_list("attempt_time", flat=True))


def account_locked_until(username: str) -> dt.datetime | None:
    p = policy()
    return locked_until(_times(username=username), p.failures, p.window, p.lock, timezone.now())


def address_locked_until(ip: str) -> dt.datetime | None:
    p = policy()
    return locked_until(_times(ip_address=ip), p.address_failures, p.window, p.lock, timezone.now())


def unlock_account(username: str) -> int:
    """Forget the account's failures (the audit log keeps them)."""
    AccessAttempt.objects.filter(username=username).delete()
    count, _ = AccessFailureLog.objects.filter(username=username).delete()
    return count


def unlock_address(ip: str) -> int:
    AccessAttempt.objects.filter(ip_address=ip).delete()
    count, _ = AccessFailureLog.objects.filter(ip_address=ip).delete()
    return count


class LockoutBackend(AxesStandaloneBackend):
    """Axes's backend, but a call without a request (code such as the test client's `login`, not
    a login form: every login page passes its request) is left to the next backend instead of
    being an error."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LockoutHandler(AxesDatabaseHandler):
    """Axes's database handler with Tribune's rule (above) deciding whether a request is locked."""

    def get_failures(self, request, credentials=None) -> int:
        # Axes compares this number with AXES_FAILURE_LIMIT: answer the limit when locked, else 0.
        username = get_client_username(request, credentials)
        locked = (username and account_locked_until(username)) or (
            request.axes_ip_address and address_locked_until(request.axes_ip_address))
        return settings.AXES_FAILURE_LIMIT if locked else 0


def lockout_response(request, original_response=None, credentials=None):
    """The login page again, with the reason in Chinese (HTTP 429)."""
    from django.contrib.auth.forms import AuthenticationForm

    username = get_client_username(request, credentials) or ""
    until = account_locked_until(username) if username else None
    return render(request, "registration/login.html", {
        "form": AuthenticationForm(request), "locked": True, "locked_until": until,
        "lock_minutes": settings.TRIBUNE_LOCKOUT_MINUTES, "next": request.POST.get("next", ""),
    }, status=429)
