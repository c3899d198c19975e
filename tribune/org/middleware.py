from django.core.exceptions import PermissionDenied
from django.http import Http404

from tribune.org.audit import audit_record, current_ip
from tribune.org.models import Member


def client_ip(request) -> str | None:
    # Behind the reverse proxy the documented set-up passes X-Real-IP; otherwise the peer.
    return request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR") or None


class MemberMiddleware:
    """Attaches `request.member` (with roles prefetched), records the client IP for the audit
    log, and writes every permission refusal to the audit log after the refused transaction
    has rolled back."""

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
            return self.get_response(request)
        finally:
            current_ip.reset(token)

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied) and not isinstance(exception, Http404):
            audit_record(
                action="permission_denied",
                user=request.user if request.user.is_authenticated else None,
                member=request.member,
                detail={"path": request.path, "method": request.method, "reason": str(exception)},
            )
        return None
