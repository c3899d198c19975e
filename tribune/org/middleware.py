import ipaddress
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
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
                    Member.objects.select_related("congress", "office", "user")
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
