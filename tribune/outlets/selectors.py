"""Reads of the outlet pages: the catalogue with its counts, and the contacts."""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from tribune.outlets.models import MediaContact, Outlet
from tribune.outlets.vocabulary import LEVEL_RANK


def outlets_for(congress, *, level: str = "", kind: str = "", q: str = "", include_inactive: bool = False):
    """The congress's outlets, highest level first, each with how many manuscripts were sent
    there and how many it published (withdrawn publications not counted). One query."""
    outlets = Outlet.objects.filter(congress=congress)
    if not include_inactive:
        outlets = outlets.filter(is_active=True)
    if level:
        outlets = outlets.filter(level=level)
    if kind:
        outlets = outlets.filter(kind=kind)
    if q:
        outlets = outlets.filter(name__icontains=q)
    rank = Case(*[When(level=lvl, then=Value(r)) for lvl, r in LEVEL_RANK.items()], output_field=IntegerField())
    return (
        outlets.annotate(
            level_order=rank,
            submission_count=Count("submissions", distinct=True),
            publication_count=Count(
                "submissions__publication", distinct=True,
                filter=Q(submissions__publication__withdrawn_at__isnull=True),
            ),
        ).order_by("-level_order", "kind", "name")
    )


def contacts_for(congress, *, outlet_id: int | None = None, q: str = ""):
    contacts = MediaContact.objects.filter(congress=congress).select_related("outlet")
    if outlet_id:
        contacts = contacts.filter(outlet_id=outlet_id)
    if q:
        contacts = contacts.filter(Q(name__icontains=q) | Q(organisation__icontains=q) | Q(outlet__name__icontains=q)
                                   | Q(position__icontains=q))
    return contacts.order_by("outlet__name", "organisation", "name")
