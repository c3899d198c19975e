"""Organisation pages: members, offices and the approval chain, scoped to the member's congress.

Reading is for the administrator, the director and the coordinator; every change is the
administrator's and goes through org.services (permission-checked and audited there)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tribune.kit import params
from tribune.kit.forms import add_service_error
from tribune.kit.views import member_required
from tribune.org import access, services
from tribune.org.errors import ServiceError
from tribune.org.forms import ChainForm, MemberCreateForm, MemberFilterForm, MemberForm, OfficeForm, PasswordForm
from tribune.org.models import ChainStep, Member, Office

PAGE_SIZE = 50


def _require_view(member):
    access.require(access.can_view_members(member, member.congress), "organisation pages")


def _require_manage(member):
    access.require(access.can_manage_members(member, member.congress), "only an administrator changes members")


def _get_member(request, pk) -> Member:
    # Deactivated members are still found here (the admin reactivates them), but only in the
    # admin's own congress: another congress's member is a 404.
    return access.get_object_for_member(Member.objects.select_related("congress", "office", "user"),
                                        request.member, pk)


def _chain_labels(congress) -> list[str]:
    labels = dict(ChainStep.choices)
    return [str(labels.get(step, step)) for step in congress.chain()]


@member_required
@params.query(forms=[MemberFilterForm])
def member_list(request):
    member = request.member
    _require_view(member)
    filters = MemberFilterForm(request.GET or None, congress=member.congress)
    values = filters.cleaned_data if filters.is_valid() else {}
    members = Member.objects.filter(congress=member.congress)
    if not values.get("inactive"):
        members = members.filter(is_active=True)
    if values.get("office"):
        members = members.filter(office=values["office"])
    if values.get("role"):
        members = members.filter(roles__role=values["role"])
    if values.get("q"):
        members = members.filter(Q(name__icontains=values["q"]) | Q(user__username__icontains=values["q"]))
    members = (members.select_related("office", "user").prefetch_related("roles")
               .order_by("office__position", "office__name", "name", "pk").distinct())
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "org/member_list.html", {
        "page": page, "filters": filters, "can_manage": access.can_manage_members(member, member.congress),
        "chain": _chain_labels(member.congress),
    })


@member_required
def member_create(request):
    member = request.member
    _require_manage(member)
    form = MemberCreateForm(request.POST or None, congress=member.congress)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.member_create(
                congress=member.congress, actor=member, username=data["username"], name=data["name"],
                title=data["title"], office=data["office"], roles=data["roles"], password=data["password"],
            )
        except ServiceError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("%(name)s can now log in as %(username)s.")
                             % {"name": created.name, "username": created.user.username})
            return redirect("org:members")
    return render(request, "org/member_form.html", {"form": form, "target": None})


@member_required
def member_edit(request, pk):
    member = request.member
    target = _get_member(request, pk)
    _require_manage(member)
    if request.method == "POST":
        form = MemberForm(request.POST, congress=member.congress)
        if form.is_valid():
            try:
                services.member_update(member=member, target=target, **form.cleaned_data)
            except ServiceError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("The member has been saved."))
                return redirect("org:members")
    else:
        form = MemberForm(congress=member.congress, initial={
            "name": target.name, "title": target.title, "office": target.office_id,
            "roles": sorted(target.role_codes),
        })
    return render(request, "org/member_form.html", {"form": form, "target": target})


@require_POST
@member_required
def member_deactivate(request, pk):
    return _set_active(request, pk, False)


@require_POST
@member_required
def member_activate(request, pk):
    return _set_active(request, pk, True)


def _set_active(request, pk, active):
    member = request.member
    target = _get_member(request, pk)
    _require_manage(member)
    try:
        services.member_set_active(member=member, target=target, active=active)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        if active:
            messages.success(request, _("%(name)s can log in again.") % {"name": target.name})
        else:
            messages.success(request, _("%(name)s has been deactivated and can no longer log in.")
                             % {"name": target.name})
    return redirect("org:members")


@member_required
def member_password(request, pk):
    member = request.member
    target = _get_member(request, pk)
    _require_manage(member)
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_set_password(member=member, target=target, password=form.cleaned_data["password"])
        except ServiceError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The password of %(name)s has been changed.") % {"name": target.name})
            return redirect("org:members")
    return render(request, "org/password_form.html", {"form": form, "target": target})


@member_required
def office_list(request):
    member = request.member
    _require_view(member)
    offices = (Office.objects.filter(congress=member.congress).select_related("leader")
               .annotate(member_count=Count("members", filter=Q(members__is_active=True)))
               .order_by("position", "name"))
    page = Paginator(offices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "org/office_list.html", {
        "page": page, "can_manage": access.can_manage_members(member, member.congress),
        "chain": _chain_labels(member.congress),
    })


@member_required
def office_create(request):
    return _office_form(request, None)


@member_required
def office_edit(request, pk):
    office = access.get_object_for_member(Office.objects.select_related("congress", "leader"), request.member, pk)
    return _office_form(request, office)


def _office_form(request, office):
    member = request.member
    _require_manage(member)
    if request.method == "POST":
        form = OfficeForm(request.POST, congress=member.congress)
        if form.is_valid():
            try:
                services.office_save(member=member, office=office, **form.cleaned_data)
            except ServiceError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("The office has been saved."))
                return redirect("org:offices")
    elif office is not None:
        form = OfficeForm(congress=member.congress, initial={
            "name": office.name, "leader": office.leader_id, "minimum_monthly": office.minimum_monthly,
            "position": office.position,
        })
    else:
        next_position = Office.objects.filter(congress=member.congress).count()
        form = OfficeForm(congress=member.congress, initial={"position": next_position})
    return render(request, "org/office_form.html", {"form": form, "office": office})


@member_required
def chain_edit(request):
    member = request.member
    _require_manage(member)
    if request.method == "POST":
        form = ChainForm(request.POST)
        if form.is_valid():
            try:
                services.congress_set_chain(member=member, chain=form.cleaned_data["chain"])
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The approval chain has been saved. Manuscripts already in review "
                                            "keep the chain they started with."))
                return redirect("org:chain")
    else:
        current = member.congress.chain()
        form = ChainForm(initial={f"step{i + 1}": step for i, step in enumerate(current)})
    return render(request, "org/chain_form.html", {"form": form, "chain": _chain_labels(member.congress)})
