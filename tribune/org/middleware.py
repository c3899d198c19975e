import ipaddress
import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from tribune.org.audit import audit_record, current_ip
from tribune.org.models import Member

logger = logging.getLogger("tribune.security")


def _address(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address. Behind the reverse proxy the documented set-up passes X-Real-IP; it
    is believed only when the peer is one of TRIBUNE_TRUSTED_PROXIES (anyone can send the header),
    and only when it is an address (the audit column is an inet on PostgreSQL)."""
    peer = _address(request.META.get("REMOTE_ADDR"))
    if peer is None:
        return None
    forwarded = _address(request.META.get("HTTP_X_REAL_IP"))
    if forwarded is not None and any(ipaddress.ip_address(peer) in net for net in settings.TRIBUNE_TRUSTED_PROXIES):
        return forwarded
    return peer


def axes_client_ip(request) -> str | None:
    """django-axes asks for the address this way (AXES_CLIENT_IP_CALLABLE)."""
    return client_ip(request)


class RequestSizeMiddleware:
    """Refuses a request whose declared body is larger than TRIBUNE_MAX_REQUEST_MB before any of
    it is read (a 250 MB upload used to be read in full, then refused by the form). The per-file
    limits stay where they are; this is the ceiling above the largest of them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.TRIBUNE_MAX_REQUEST_MB * 1024 * 1024
        if length > limit:
            logger.warning("Request body too large: %s bytes to %s", length, request.path)
            response = render(request, "web/error.html", {
                "status": 413, "title": _("The upload is too large"),
                "text": _("Files may be at most %(mb)s MB in all. Make the file smaller or split it, "
                          "then try again.") % {"mb": settings.TRIBUNE_MAX_REQUEST_MB},
            }, status=413)
            # The body was not read: the server must not try to read the next request from it.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


def _is_file(response) -> bool:
    return response.has_header("Content-Disposition")


class MemberMiddleware:
    """Attaches `request.member` (with roles prefetched), records the client IP for the audit
    log, and writes every permission refusal to the audit log after the refused transaction
    has rolled back. For a logged-in user it also records every file sent (exports and
    downloads) in the audit log, and marks every answer `Cache-Control: no-store`: pages and
    files behind the login show personal data (deputies, members) that must not stay in a
    shared computer's cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(client_ip(request))
        try:
            request.member = None
            if request.user.is_authenticated:
                request.member = (
                    Member.objects.select_related("congress", "office", "user", "user__password_state")
                    .prefetch_related("roles")
                    .filter(user=request.user, is_active=True)
                    .first()
                )
            response = self.get_response(request)
            if request.user.is_authenticated:
                if response.status_code == 200 and _is_file(response):
                    self._audit_file(request, response)
                patch_cache_control(response, no_store=True, private=True)
            return response
        finally:
            current_ip.reset(token)

    @staticmethod
    def _audit_file(request, response) -> None:
        # A photo embedded in a page (<img>) is part of viewing the page, not a download.
        if request.headers.get("Sec-Fetch-Dest") == "image":
            return
        audit_record(
            action="file.download",
            user=request.user,
            member=request.member,
            detail={"path": request.path, "query": request.META.get("QUERY_STRING", "")[:300],
                    "disposition": response["Content-Disposition"][:300],
                    "content_type": response.get("Content-Type", "")},
        )

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied) and not isinstance(exception, Http404):
            audit_record(
                action="permission_denied",
                user=request.user if request.user.is_authenticated else None,
                member=request.member,
                detail={"path": request.path, "method": request.method, "reason": str(exception)},
            )
        return None


# Session keys: when the user logged in, and when they were last active (epoch seconds).
SESSION_LOGIN_AT = "tribune_login_at"
SESSION_SEEN_AT = "tribune_seen_at"
# The last-seen time is written at most this often (a session write on every request would
# serialise writes on SQLite and cost a query per page).
SEEN_RESOLUTION = 60
# Requests that repeat by themselves (htmx polling, e.g. the live key points every 2 s) send this
# header: they do not count as activity, so an open meeting page does not keep a session alive.
POLL_HEADER = "X-Tribune-Poll"


def start_session_clocks(request) -> None:
    now = time.time()
    request.session[SESSION_LOGIN_AT] = now
    request.session[SESSION_SEEN_AT] = now


def _htmx_aware_redirect(request, url):
    if request.headers.get("HX-Request") == "true":
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


class SessionSecurityMiddleware:
    """Closes a session after TRIBUNE_SESSION_IDLE_MINUTES without activity or
    TRIBUNE_SESSION_MAX_HOURS after login, and sends a member whose password must change (first
    login, reset, expiry) to the password page before anything else."""

    # Pages a member whose password must change may still open.
    PASSWORD_EXEMPT = ("org:password_change", "logout", "login", "set_language", "healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            response = self._check_session(request) or self._check_password(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _check_session(self, request):
        session, now = request.session, time.time()
        login_at, seen_at = session.get(SESSION_LOGIN_AT), session.get(SESSION_SEEN_AT)
        if login_at is None or seen_at is None:  # a session opened before these checks existed
            start_session_clocks(request)
            return None
        if now - login_at > settings.TRIBUNE_SESSION_MAX_HOURS * 3600:
            reason = "absolute"
        elif now - seen_at > settings.TRIBUNE_SESSION_IDLE_MINUTES * 60:
            reason = "idle"
        else:
            if now - seen_at >= SEEN_RESOLUTION and not request.headers.get(POLL_HEADER):
                session[SESSION_SEEN_AT] = now
            return None
        audit_record(action="session.expired", user=request.user, member=request.member, detail={"reason": reason})
        logout(request)
        messages.info(request, _("Your session has ended after a time without activity. Please log in again.")
                      if reason == "idle" else _("Your session has reached its maximum length. Please log in again."))
        if request.headers.get("HX-Request") == "true":
            return _htmx_aware_redirect(request, reverse("login"))
        return redirect_to_login(request.get_full_path())

    def _check_password(self, request):
        from tribune.org.passwords import change_reason

        member = request.member
        if member is None:
            return None
        reason = change_reason(getattr(member.user, "password_state", None))
        if reason is None:
            return None
        if request.path in {reverse(name) for name in self.PASSWORD_EXEMPT}:
            return None
        return _htmx_aware_redirect(request, reverse("org:password_change"))
