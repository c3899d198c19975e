"""View decorators every app's views use."""

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def member_required(view):
    """Login required, and a membership: a user with no active membership sees a 403.
    (`request.member` is set by the organisation's middleware: None without an active one.)"""

    # functools.wraps also carries the view's attributes outwards, such as the query
    # parameters it declares (kit.params), which the fuzz guard reads.
    @login_required
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if getattr(request, "member", None) is None:
            raise PermissionDenied("no active membership")
        return view(request, *args, **kwargs)

    return wrapped
