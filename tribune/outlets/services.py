"""The outlet catalogue and changes to outlets and contacts."""

import json
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError, bump_version
from tribune.outlets.models import MediaContact, Outlet, OutletKind, OutletLevel

CATALOGUE = Path(__file__).parent / "data" / "catalogue.json"


def catalogue_entries(congress) -> list[dict]:
    """The default outlets for a congress: national ones, its province's, its city's, and the
    county templates filled with its short name (for a county congress)."""
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    entries = [dict(e, level=OutletLevel.NATIONAL) for e in data["national"]]
    entries += [dict(e, level=OutletLevel.PROVINCIAL) for e in data["provincial"].get(congress.province, [])]
    entries += [dict(e, level=OutletLevel.CITY) for e in data["city"].get(congress.city, [])]
    if congress.level == "county":
        entries += [dict(e, name=e["name"].format(short_name=congress.short_name), level=OutletLevel.COUNTY)
                    for e in data["county"]]
    return entries


@transaction.atomic
def catalogue_load(congress) -> int:
    """Add the catalogue's outlets the congress does not have yet (by name); returns how many.
    Safe to run again: outlets edited since keep their edits."""
    existing = set(Outlet.objects.filter(congress=congress).values_list("name", flat=True))
    new = [Outlet(congress=congress, name=e["name"], level=e["level"], kind=e["kind"], address=e.get("address", ""))
           for e in catalogue_entries(congress) if e["name"] not in existing]
    Outlet.objects.bulk_create(new)
    return len(new)


def _clean_outlet(name, level, kind):
    name = (name or "").strip()
    if not name:
        raise ServiceError(_("The name cannot be empty."), field="name")
    if level not in OutletLevel.values:
        raise ServiceError(_("Choose a level."), field="level")
    if kind not in OutletKind.values:
        raise ServiceError(_("Choose a kind."), field="kind")
    return name[:100]


@transaction.atomic
def outlet_save(*, member, outlet: Outlet | None = None, name: str, level: str, kind: str, address: str = "",
                is_active: bool = True, version: int | None = None) -> Outlet:
    """Add an outlet, or change one based on the version the form showed."""
    access.require(access.can_manage_outlets(member, member.congress), _("You may not change outlets."))
    name = _clean_outlet(name, level, kind)
    duplicate = Outlet.objects.filter(congress=member.congress, name=name)
    if outlet is not None:
        if outlet.congress_id != member.congress_id:
            raise ServiceError(_("The outlet belongs to another congress."))
        duplicate = duplicate.exclude(pk=outlet.pk)
    if duplicate.exists():
        raise ServiceError(_("An outlet with this name already exists."), field="name")
    outlet = outlet or Outlet(congress=member.congress)
    created = outlet.pk is None
    if not created:
        bump_version(outlet, outlet.version if version is None else version,
                     _("Someone changed this outlet after you opened it. Nothing was saved."))
    outlet.name, outlet.level, outlet.kind = name, level, kind
    outlet.address, outlet.is_active = (address or "").strip()[:200], bool(is_active)
    outlet.save()
    audit_record(action="outlet.create" if created else "outlet.update", member=member, obj=outlet)
    return outlet


@transaction.atomic
def contact_save(*, member, contact: MediaContact | None = None, name: str, outlet: Outlet | None = None,
                 organisation: str = "", position: str = "", phone: str = "", email: str = "",
                 note: str = "") -> MediaContact:
    access.require(access.can_manage_outlets(member, member.congress), _("You may not change media contacts."))
    name = (name or "").strip()
    if not name:
        raise ServiceError(_("The name cannot be empty."), field="name")
    if outlet is not None and outlet.congress_id != member.congress_id:
        raise ServiceError(_("The outlet belongs to another congress."), field="outlet")
    if contact is not None and contact.congress_id != member.congress_id:
        raise ServiceError(_("The contact belongs to another congress."))
    contact = contact or MediaContact(congress=member.congress)
    created = contact.pk is None
    contact.name, contact.outlet = name[:40], outlet
    contact.organisation, contact.position = organisation.strip()[:100], position.strip()[:60]
    contact.phone, contact.email, contact.note = phone.strip()[:40], email.strip(), note.strip()
    contact.save()
    audit_record(action="contact.create" if created else "contact.update", member=member, obj=contact)
    return contact


@transaction.atomic
def catalogue_reload(*, member) -> int:
    """A coordinator (re)loads the default catalogue: adds the outlets missing, edits none."""
    access.require(access.can_manage_outlets(member, member.congress), _("You may not change outlets."))
    added = catalogue_load(member.congress)
    audit_record(action="outlet.catalogue_load", member=member, obj=member.congress, detail={"added": added})
    return added


@transaction.atomic
def outlet_set_active(*, member, outlet: Outlet, active: bool) -> Outlet:
    """Take an outlet out of use (or back): it stays in the history and the scores, but is no
    longer offered when submitting."""
    access.require(access.can_manage_outlets(member, member.congress), _("You may not change outlets."))
    if outlet.congress_id != member.congress_id:
        raise ServiceError(_("The outlet belongs to another congress."))
    outlet.is_active = bool(active)
    outlet.save(update_fields=["is_active"])
    audit_record(action="outlet.activate" if active else "outlet.deactivate", member=member, obj=outlet)
    return outlet
