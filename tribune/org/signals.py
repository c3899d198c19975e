"""The organisation's own signal (a congress was created), and audit receivers for Django's
authentication signals (not workflow: login is Django's)."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import Signal, receiver

from tribune.org.audit import audit_record

# Sent inside the transaction that creates a congress, with `congress`: the apps above the
# organisation give it what it starts with (the outlets app, its default outlet catalogue)
# without the organisation importing them.
congress_created = Signal()


def _member(user):
    return getattr(user, "member", None) if user is not None else None


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs):
    from tribune.org.middleware import start_session_clocks

    audit_record(action="login", user=user, member=_member(user))
    if request is not None and hasattr(request, "session"):
        start_session_clocks(request)


@receiver(user_locked_out)
def audit_locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    """django-axes locked an account or an address: in the log of the congress of the user named."""
    user = get_user_model().objects.filter(username=username or "").select_related("member__congress").first()
    if user is None:
        audit_record(action="lockout", detail={"username": (username or "")[:150], "address": ip_address})
    else:
        audit_record(action="lockout", user=user, member=_member(user), detail={"address": ip_address})


@receiver(user_logged_out)
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action="logout", user=user, member=_member(user))


@receiver(user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    """A failed login belongs to the congress of the user named, when that user exists; a name
    nobody has is attributed to no congress, so no congress's auditor reads what strangers (or
    people who typed a password into the name field) typed. Those entries are kept but shown on
    no page (see docs/security.md)."""
    typed = str(credentials.get("username", ""))[:150]
    user = get_user_model().objects.filter(username=typed).select_related("member__congress").first()
    if user is None:
        audit_record(action="login_failed", detail={"username": typed})
    else:
        audit_record(action="login_failed", user=user, member=_member(user))
