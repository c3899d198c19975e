"""Outlet catalogue and media contacts pages: thin views over outlets.services."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tribune.kit import params
from tribune.kit.forms import add_service_error
from tribune.kit.views import member_required
from tribune.org import access
from tribune.org.errors import ServiceError, StaleError
from tribune.outlets import selectors, services
from tribune.outlets.forms import ContactFilterForm, ContactForm, OutletEditForm, OutletFilterForm, OutletForm
from tribune.outlets.models import MediaContact, Outlet

PAGE_SIZE = 50


def _require_view(member):
    access.require(access.can_view_outlets(member, member.congress), "outlets are for editorial staff")


def _require_manage(member):
    access.require(access.can_manage_outlets(member, member.congress), "only a coordinator or admin changes outlets")


@member_required
@params.query(forms=[OutletFilterForm])
def outlet_list(request):
    member = request.member
    _require_view(member)
    filters = OutletFilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    outlets = selectors.outlets_for(member.congress, level=values.get("level", ""), kind=values.get("kind", ""),
                                    q=values.get("q", ""), include_inactive=values.get("inactive", False))
    page = Paginator(outlets, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "outlets/outlet_list.html", {
        "page": page, "filters": filters,
        "can_manage": access.can_manage_outlets(member, member.congress),
    })


@member_required
def outlet_create(request):
    return _outlet_form(request, None)


@member_required
def outlet_edit(request, pk):
    outlet = access.get_object_for_member(Outlet.objects.all(), request.member, pk)
    return _outlet_form(request, outlet)


def _outlet_form(request, outlet):
    member = request.member
    _require_manage(member)
    form_class = OutletForm if outlet is None else OutletEditForm
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            try:
                services.outlet_save(member=member, outlet=outlet, **form.cleaned_data)
            except StaleError as exc:
                # Nothing was saved: the form again, as the outlet is now, with the message.
                messages.error(request, str(exc.message))
                return redirect("outlets:edit", outlet.pk)
            except ServiceError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("The outlet has been saved."))
                return redirect("outlets:list")
    elif outlet is not None:
        form = OutletEditForm(initial={"name": outlet.name, "level": outlet.level, "kind": outlet.kind,
                                       "address": outlet.address, "is_active": outlet.is_active,
                                       "version": outlet.version})
    else:
        form = OutletForm()
    return render(request, "outlets/outlet_form.html", {"form": form, "outlet": outlet})


@require_POST
@member_required
def outlet_deactivate(request, pk):
    return _set_active(request, pk, False)


@require_POST
@member_required
def outlet_activate(request, pk):
    return _set_active(request, pk, True)


def _set_active(request, pk, active):
    member = request.member
    outlet = access.get_object_for_member(Outlet.objects.all(), member, pk)
    _require_manage(member)
    services.outlet_set_active(member=member, outlet=outlet, active=active)
    if active:
        messages.success(request, _("%(name)s is in use again.") % {"name": outlet.name})
    else:
        messages.success(request, _("%(name)s is no longer in use; its history is kept.") % {"name": outlet.name})
    return redirect("outlets:list")


@require_POST
@member_required
def catalogue_reload(request):
    member = request.member
    _require_manage(member)
    added = services.catalogue_reload(member=member)
    if added:
        messages.success(request, _("%(n)d outlets of the default catalogue were added.") % {"n": added})
    else:
        messages.info(request, _("Every outlet of the default catalogue is already there."))
    return redirect("outlets:list")


@member_required
@params.query(forms=[ContactFilterForm])
def contact_list(request):
    member = request.member
    _require_view(member)
    filters = ContactFilterForm(request.GET or None, congress=member.congress)
    values = filters.cleaned_data if filters.is_valid() else {}
    outlet = values.get("outlet")
    contacts = selectors.contacts_for(member.congress, outlet_id=outlet.pk if outlet else None, q=values.get("q", ""))
    page = Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "outlets/contact_list.html", {
        "page": page, "filters": filters,
        "can_manage": access.can_manage_outlets(member, member.congress),
    })


@member_required
@params.query(outlet=params.Id())
def contact_create(request):
    return _contact_form(request, None)


@member_required
def contact_edit(request, pk):
    contact = access.get_object_for_member(MediaContact.objects.select_related("outlet"), request.member, pk)
    return _contact_form(request, contact)


def _contact_form(request, contact):
    member = request.member
    _require_manage(member)
    if request.method == "POST":
        form = ContactForm(request.POST, congress=member.congress)
        if form.is_valid():
            try:
                services.contact_save(member=member, contact=contact, **form.cleaned_data)
            except ServiceError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("The contact has been saved."))
                return redirect("outlets:contacts")
    elif contact is not None:
        form = ContactForm(congress=member.congress, initial={
            "name": contact.name, "outlet": contact.outlet_id, "organisation": contact.organisation,
            "position": contact.position, "phone": contact.phone, "email": contact.email, "note": contact.note,
        })
    else:
        form = ContactForm(congress=member.congress, initial={"outlet": request.query.outlet})
    return render(request, "outlets/contact_form.html", {"form": form, "contact": contact})
