"""Use cases of the scheme (考核细则): create, edit, import. Every save records the change (who,
when, how, the whole rules as they stood) and queues the recompute of every ledger the scheme
scores (`assessment/jobs.py`)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from tribune.assessment.jobs import request_scheme_refresh
from tribune.assessment.models import SchemeChange, ScoringScheme
from tribune.assessment.scoring import scheme_format
from tribune.assessment.scoring.defaults import default_document
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError, bump_version

MIN_YEAR, MAX_YEAR = 2000, 2100


def _check(member, congress, system: bool) -> None:
    if not system:
        access.require(access.can_edit_scheme(member, congress), "may not edit the scoring scheme")


def _document_from(text: str | None, document: dict | None) -> dict:
    try:
        if text is not None:
            return scheme_format.parse(text)
        return scheme_format.validate(document)
    except scheme_format.SchemeFormatError as exc:
        raise SchemeInvalid(exc.errors) from None


class SchemeInvalid(ServiceError):
    """The rules were refused; `errors` lists every problem, in the user's language."""

    def __init__(self, errors: list[str]):
        super().__init__(_("The scoring rules have %(n)d problem(s): %(errors)s") % {
            "n": len(errors), "errors": "；".join(errors)}, field="text")
        self.errors = errors


@transaction.atomic
def scheme_create(*, member, congress, year: int, text: str | None = None, document: dict | None = None,
                  source: str = "create", system: bool = False) -> ScoringScheme:
    """A congress's scheme for a year: from the given rules, else a copy of the latest earlier
    year's, else the default template. Scores the year at once."""
    _check(member, congress, system)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ServiceError(_("The year must be between %(a)d and %(b)d.") % {"a": MIN_YEAR, "b": MAX_YEAR},
                           field="year")
    if ScoringScheme.objects.filter(congress=congress, year=year).exists():
        raise ServiceError(_("%(congress)s already has a scoring scheme for %(year)d.") % {
            "congress": congress.short_name or congress.name, "year": year}, field="year")
    if text is None and document is None:
        earlier = ScoringScheme.objects.filter(congress=congress, year__lt=year).order_by("-year").first()
        if earlier is not None:
            document = dict(earlier.document, name=earlier.document.get("name", "").replace(
                str(earlier.year), str(year)))
            source = source if source != "create" else "copy"
        else:
            document = default_document(congress, year)
    doc = _document_from(text, document)
    scheme = ScoringScheme.objects.create(congress=congress, year=year, name=doc["name"], document=doc,
                                          updated_by=member)
    SchemeChange.objects.create(scheme=scheme, version=1, changed_by=member, source=source,
                                summary=_("Scheme created"), document=doc)
    audit_record(action="scheme.create", member=member, obj=scheme, congress=congress,
                 detail={"year": year, "source": source})
    request_scheme_refresh(scheme, requested_by_id=member.pk if member else None)
    return scheme


@transaction.atomic
def scheme_update(*, member, scheme: ScoringScheme, expected_version: int, text: str | None = None,
                  document: dict | None = None, summary: str = "", source: str = "edit",
                  system: bool = False) -> ScoringScheme:
    """Replace a scheme's rules (from the edit form or an imported file), record the change and
    rescore the year. A form based on an older version is refused (StaleError)."""
    _check(member, scheme.congress, system)
    doc = _document_from(text, document)
    bump_version(scheme, expected_version, _("Someone else changed the scheme meanwhile; "
                                             "your changes were not saved. Here is the scheme as it is now."))
    before = scheme.document
    scheme.document = doc
    scheme.name = doc["name"]
    scheme.updated_by = member
    scheme.save(update_fields=["document", "name", "updated_by", "updated_at"])
    summary = (summary or "").strip()[:300] or describe_change(before, doc)
    SchemeChange.objects.create(scheme=scheme, version=scheme.version, changed_by=member, source=source,
                                summary=summary, document=doc)
    audit_record(action=f"scheme.{source}", member=member, obj=scheme, congress=scheme.congress,
                 detail={"version": scheme.version, "summary": summary})
    request_scheme_refresh(scheme, requested_by_id=member.pk if member else None)
    return scheme


def scheme_import(*, member, congress, year: int, text: str, system: bool = False) -> ScoringScheme:
    """Import a scheme file: creates the year's scheme or replaces its rules."""
    scheme = ScoringScheme.objects.filter(congress=congress, year=year).first()
    if scheme is None:
        return scheme_create(member=member, congress=congress, year=year, text=text, source="import", system=system)
    return scheme_update(member=member, scheme=scheme, expected_version=scheme.version, text=text,
                         source="import", system=system, summary=_("Imported from a file"))


def describe_change(before: dict, after: dict) -> str:
    """Which sections of the rules changed, in words (the default summary of a change)."""
    names = {
        "name": _("name"), "submission": _("submissions"), "publication": _("publications"),
        "metrics": _("reads and shares"), "reprint": _("reprints"), "joint_report": _("joint reports"),
        "instruction": _("leadership instructions"), "deductions": _("deductions"), "credit": _("credit split"),
        "caps": _("caps"),
    }
    changed = [str(label) for key, label in names.items() if before.get(key) != after.get(key)]
    if not changed:
        return _("Saved without changes")
    return _("Changed: %(sections)s") % {"sections": "、".join(changed)}
