"""Security pages: every member's own password, the security administrator's page (policy in
force, locked accounts and unlocking), and role changes waiting for a second administrator."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tribune.kit.views import member_required
from tribune.org import access, lockout, services
from tribune.org.errors import ServiceError
from tribune.org.models import Member, RoleChangeRequest
from tribune.org.passwords import change_reason, max_age


@login_required
def password_change(request):
    """Every member changes their own password here; a member whose password must change (first
    login, reset, expiry) is sent here before anything else."""
    state = getattr(request.user, "password_state", None)
    reason = change_reason(state)
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_change(user=request.user, password=form.cleaned_data["new_password1"])
        except ServiceError as exc:
            form.add_error("new_password1", exc.message)
        else:
            update_session_auth_hash(request, request.user)  # stay logged in
            messages.success(request, _("Your password has been changed."))
            return redirect("dashboard")
    return render(request, "org/password_change.html", {"form": form, "reason": reason})


@member_required
def security_home(request):
    member = request.member
    access.require(access.can_manage_security(member, member.congress), "security administration")
    members = (Member.objects.filter(congress=member.congress).select_related("user", "user__password_state")
               .order_by("name", "pk"))
    locked = []
    for target in members:
        until = lockout.account_locked_until(target.user.username)
        if until is not None:
            locked.append({"member": target, "until": until})
    must_change = [m for m in members if change_reason(getattr(m.user, "password_state", None))]
    age = max_age()
    return render(request, "org/security.html", {
        "locked": locked, "must_change": must_change,
        "policy": {
            "lockout_failures": settings.TRIBUNE_LOCKOUT_FAILURES,
            "lockout_window": settings.TRIBUNE_LOCKOUT_WINDOW_MINUTES,
            "lockout_minutes": settings.TRIBUNE_LOCKOUT_MINUTES,
            "address_failures": settings.TRIBUNE_LOCKOUT_ADDRESS_FAILURES,
            "min_length": settings.TRIBUNE_PASSWORD_MIN_LENGTH,
            "classes": settings.TRIBUNE_PASSWORD_CLASSES,
            "max_age_days": age.days if age else None,
            "idle_minutes": settings.TRIBUNE_SESSION_IDLE_MINUTES,
            "max_hours": settings.TRIBUNE_SESSION_MAX_HOURS,
        },
    })


@require_POST
@member_required
def security_unlock(request, pk):
    member = request.member
    target = Member.objects.select_related("user", "congress").filter(pk=pk, congress_id=member.congress_id).first()
    if target is None:
        raise Http404
    services.account_unlock(member=member, target=target)
    messages.success(request, _("%(name)s can log in again.") % {"name": target.name})
    return redirect("org:security")


@member_required
def role_requests(request):
    member = request.member
    access.require(access.can_manage_members(member, member.congress), "role changes are for administrators")
    pending = list(RoleChangeRequest.objects.filter(congress=member.congress, state=RoleChangeRequest.State.PENDING)
                   .select_related("target", "requested_by"))
    decided = list(RoleChangeRequest.objects.filter(congress=member.congress)
                   .exclude(state=RoleChangeRequest.State.PENDING)
                   .select_related("target", "requested_by", "decided_by")[:20])
    for item in (*pending, *decided):
        item.can_decide = access.can_decide_role_request(member, item)
        item.before_text = "、".join(item.labels("roles_before"))
        item.after_text = "、".join(item.labels("roles_after"))
    return render(request, "org/role_requests.html", {"pending": pending, "decided": decided})


def _get_request(request, pk) -> RoleChangeRequest:
    item = RoleChangeRequest.objects.select_related("target", "congress").filter(
        pk=pk, congress_id=request.member.congress_id).first()
    if item is None:
        raise Http404
    return item


@require_POST
@member_required
def role_request_confirm(request, pk):
    item = _get_request(request, pk)
    try:
        services.role_request_confirm(member=request.member, request=item)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The role change of %(name)s has been applied.") % {"name": item.target.name})
    return redirect("org:role_requests")


@require_POST
@member_required
def role_request_reject(request, pk):
    item = _get_request(request, pk)
    try:
        services.role_request_reject(member=request.member, request=item)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The role change has been rejected."))
    return redirect("org:role_requests")
