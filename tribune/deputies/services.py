"""Every change to the deputies' registry and their stories: one function, one transaction,
permission checked inside, audit entry in the same transaction."""

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.deputies import importing
from tribune.deputies.models import (
    Deputy,
    DeputySeat,
    DeputyStory,
    SeatLevel,
    Sector,
    StoryInterview,
    StoryKind,
    StoryManuscript,
    TypicalCase,
)
from tribune.newsroom.models import Manuscript
from tribune.newsroom.services import publishing
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError, bump_version
from tribune.org.models import Member
from tribune.planning.models import Activity


def _stale_deputy():
    return _("Someone changed this deputy after you opened it. Nothing was saved.")


def _stale_story():
    return _("Someone changed this story after you opened it. Nothing was saved.")


# --- Registry --------------------------------------------------------------------------------

def _clean_deputy(congress, *, name, group, sector, occupation, phone, id_number, note, exclude=None) -> dict:
    name, group = (name or "").strip(), (group or "").strip()
    if not name:
        raise ServiceError(_("The name cannot be empty."), field="name")
    if not group:
        raise ServiceError(_("Give the deputy group or constituency."), field="group")
    if sector not in Sector.values:
        raise ServiceError(_("Choose a sector."), field="sector")
    phone = importing.normalise_phone(phone)
    if phone and not importing.valid_phone(phone):
        raise ServiceError(_("The phone number is not valid."), field="phone")
    id_number = importing.normalise_id_number(id_number)
    if id_number and not importing.valid_id_number(id_number):
        raise ServiceError(_("The ID number is not valid (18 characters with a correct check digit)."),
                           field="id_number")
    others = Deputy.objects.filter(congress=congress)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if id_number and others.filter(id_number=id_number).exists():
        raise ServiceError(_("Another deputy in the registry has this ID number."), field="id_number")
    if others.filter(name=name, group=group).exists():
        raise ServiceError(_("A deputy of this name is already in this group."), field="name")
    return {"name": name[:40], "group": group[:60], "sector": sector, "occupation": (occupation or "").strip()[:120],
            "phone": phone, "id_number": id_number, "note": (note or "").strip()[:200]}


def _clean_seats(seats: Sequence[tuple[str, str, dt.date]]) -> list[tuple[str, str, dt.date]]:
    result, seen = [], set()
    for level, term, started_on in seats:
        term = (term or "").strip()
        if level not in SeatLevel.values:
            raise ServiceError(_("Choose the level of each congress the deputy sits in."), field="seats")
        if not term or started_on is None:
            raise ServiceError(_("Give the term and the date it began for each seat."), field="seats")
        if (level, term) in seen:
            raise ServiceError(_("The same seat is listed twice."), field="seats")
        seen.add((level, term))
        result.append((level, term[:20], started_on))
    if not result:
        raise ServiceError(_("A deputy sits in at least one congress."), field="seats")
    return result


def _set_seats(deputy: Deputy, seats) -> None:
    deputy.seats.all().delete()
    DeputySeat.objects.bulk_create(DeputySeat(deputy=deputy, level=level, term=term, started_on=started_on)
                                   for level, term, started_on in seats)


@transaction.atomic
def deputy_create(*, member: Member, name: str, group: str, sector: str, seats, occupation: str = "",
                  phone: str = "", id_number: str = "", note: str = "") -> Deputy:
    access.require(access.can_manage_deputies(member, member.congress), _("You may not change the registry."))
    fields = _clean_deputy(member.congress, name=name, group=group, sector=sector, occupation=occupation,
                           phone=phone, id_number=id_number, note=note)
    seats = _clean_seats(seats)
    deputy = Deputy.objects.create(congress=member.congress, **fields)
    _set_seats(deputy, seats)
    audit_record(action="deputy.create", member=member, obj=deputy)
    return deputy


@transaction.atomic
def deputy_update(*, member: Member, deputy: Deputy, version: int, name: str, group: str, sector: str, seats,
                  occupation: str = "", phone: str | None = None, id_number: str | None = None, note: str = "",
                  is_active: bool = True) -> Deputy:
    """Save an edit. `phone`/`id_number` None keeps the stored values: the form shows them masked
    and only a member who may reveal them can change them."""
    access.require(access.can_manage_deputies(member, deputy.congress), _("You may not change the registry."))
    fields = _clean_deputy(deputy.congress, name=name, group=group, sector=sector, occupation=occupation,
                           phone=deputy.phone if phone is None else phone,
                           id_number=deputy.id_number if id_number is None else id_number, note=note,
                           exclude=deputy)
    seats = _clean_seats(seats)
    bump_version(deputy, int(version), _stale_deputy())
    changed = sorted(k for k, v in fields.items() if getattr(deputy, k) != v)
    for key, value in fields.items():
        setattr(deputy, key, value)
    deputy.is_active = bool(is_active)
    deputy.save()
    _set_seats(deputy, seats)
    # The audit detail names the changed fields, never the personal values themselves.
    audit_record(action="deputy.update", member=member, obj=deputy, detail={"changed": changed})
    return deputy


@transaction.atomic
def deputy_reveal(*, member: Member, deputy: Deputy) -> dict:
    """The unmasked phone and ID number, for a member allowed to see them; the reveal is audited."""
    access.require(access.can_reveal_deputy_pi(member, deputy),
                   _("You may not see deputies' personal information."))
    audit_record(action="deputy.reveal", member=member, obj=deputy, detail={"fields": ["phone", "id_number"]})
    return {"phone": deputy.phone, "id_number": deputy.id_number}


@transaction.atomic
def deputies_import(*, member: Member, data: bytes) -> importing.ImportPreview:
    """Write the new deputies of a checked file, all or nothing. The file is checked again here
    (the registry may have changed since the preview); a file with any error writes nothing."""
    access.require(access.can_manage_deputies(member, member.congress), _("You may not change the registry."))
    preview = importing.preview(member.congress, data)
    if preview.errors:
        raise ServiceError(_("The file has rows with errors; correct them and upload it again."), field="file")
    if not preview.new_rows:
        raise ServiceError(_("The file has no new deputies."), field="file")
    try:
        with transaction.atomic():
            for row in preview.new_rows:
                deputy = Deputy.objects.create(
                    congress=member.congress, name=row.name, group=row.group, sector=row.sector,
                    occupation=row.occupation, phone=row.phone, id_number=row.id_number, note=row.note,
                )
                _set_seats(deputy, row.seats)
    except IntegrityError:
        raise ServiceError(_("The registry changed while importing; upload the file again."), field="file") from None
    audit_record(action="deputy.import", member=member, congress=member.congress,
                 detail={"added": len(preview.new_rows), "skipped": len(preview.existing_rows)})
    return preview


def deputies_export_audit(*, member: Member, rows: int, revealed: bool) -> None:
    access.require(access.can_export_deputies(member, member.congress), _("You may not export the registry."))
    if revealed:
        access.require(access.can_reveal_deputies_export(member, member.congress),
                       _("You may not see deputies' personal information."))
    audit_record(action="deputy.export", member=member, congress=member.congress,
                 detail={"rows": rows, "revealed": revealed})


# --- Stories ---------------------------------------------------------------------------------

def _clean_story(congress, *, kind, title, happened_on, place, summary, source, activity, activity_note,
                 deputies) -> dict:
    if kind not in StoryKind.values:
        raise ServiceError(_("Choose the kind of story."), field="kind")
    title, summary = (title or "").strip(), (summary or "").strip()
    if not title:
        raise ServiceError(_("The title cannot be empty."), field="title")
    if not summary:
        raise ServiceError(_("Write a short summary of what happened."), field="summary")
    if happened_on is None:
        raise ServiceError(_("Give the date of the story."), field="happened_on")
    if happened_on > timezone.localdate():
        raise ServiceError(_("The date of the story cannot be in the future."), field="happened_on")
    deputies = list(deputies)
    if not deputies:
        raise ServiceError(_("Choose at least one deputy."), field="deputies")
    if any(d.congress_id != congress.pk for d in deputies):
        raise ServiceError(_("Choose deputies of this congress."), field="deputies")
    if activity is not None and activity.congress_id != congress.pk:
        raise ServiceError(_("Choose an activity of this congress."), field="activity")
    return {"kind": kind, "title": title[:120], "happened_on": happened_on, "place": (place or "").strip()[:100],
            "summary": summary, "source": (source or "").strip()[:100], "activity": activity,
            "activity_note": (activity_note or "").strip()[:200]}, deputies


@transaction.atomic
def story_create(*, member: Member, kind: str, title: str, happened_on: dt.date, summary: str,
                 deputies: Iterable[Deputy], place: str = "", source: str = "", activity: Activity | None = None,
                 activity_note: str = "") -> DeputyStory:
    access.require(access.can_record_story(member, member.congress), _("You may not record stories."))
    fields, deputies = _clean_story(member.congress, kind=kind, title=title, happened_on=happened_on, place=place,
                                    summary=summary, source=source, activity=activity, activity_note=activity_note,
                                    deputies=deputies)
    story = DeputyStory.objects.create(congress=member.congress, created_by=member, **fields)
    story.deputies.set(deputies)
    audit_record(action="story.create", member=member, obj=story, detail={"deputies": [d.pk for d in deputies],
                                                                        "activity": story.activity_id})
    return story


@transaction.atomic
def story_update(*, member: Member, story: DeputyStory, version: int, kind: str, title: str,
                 happened_on: dt.date, summary: str, deputies: Iterable[Deputy], place: str = "", source: str = "",
                 activity: Activity | None = None, activity_note: str = "") -> DeputyStory:
    access.require(access.can_edit_story(member, story), _("You may not edit this story."))
    fields, deputies = _clean_story(story.congress, kind=kind, title=title, happened_on=happened_on, place=place,
                                    summary=summary, source=source, activity=activity, activity_note=activity_note,
                                    deputies=deputies)
    bump_version(story, int(version), _stale_story())
    for key, value in fields.items():
        setattr(story, key, value)
    story.save()
    story.deputies.set(deputies)
    audit_record(action="story.update", member=member, obj=story, detail={"activity": story.activity_id})
    return story


@transaction.atomic
def story_link_manuscript(*, member: Member, story: DeputyStory, manuscript: Manuscript) -> StoryManuscript:
    access.require(access.can_link_manuscript(member, story, manuscript), _("You may not link this manuscript."))
    if StoryManuscript.objects.filter(story=story, manuscript=manuscript).exists():
        raise ServiceError(_("This manuscript is already linked to the story."), field="manuscript")
    try:
        with transaction.atomic():
            link = StoryManuscript.objects.create(story=story, manuscript=manuscript, linked_by=member)
    except IntegrityError:
        raise ServiceError(_("This manuscript is already linked to the story."), field="manuscript") from None
    audit_record(action="story.link_manuscript", member=member, obj=story, detail={"manuscript": manuscript.pk})
    return link


@transaction.atomic
def story_unlink_manuscript(*, member: Member, story: DeputyStory, manuscript: Manuscript) -> None:
    access.require(access.can_link_manuscript(member, story), _("You may not change this story."))
    deleted, _rows = StoryManuscript.objects.filter(story=story, manuscript=manuscript).delete()
    if not deleted:
        raise ServiceError(_("This manuscript is not linked to the story."), field="manuscript")
    audit_record(action="story.unlink_manuscript", member=member, obj=story, detail={"manuscript": manuscript.pk})


@transaction.atomic
def story_record_interview(*, member: Member, story: DeputyStory, held_on: dt.date, note: str = "") -> StoryInterview:
    access.require(access.can_record_interview(member, story), _("You may not change this story."))
    if held_on is None or held_on > timezone.localdate():
        raise ServiceError(_("Give the date of the interview (not in the future)."), field="held_on")
    interview = StoryInterview.objects.create(story=story, held_on=held_on, note=(note or "").strip()[:300],
                                              recorded_by=member)
    audit_record(action="story.interview", member=member, obj=story, detail={"held_on": held_on.isoformat()})
    return interview


@transaction.atomic
def story_mark_typical(*, member: Member, story: DeputyStory, reason: str) -> TypicalCase:
    access.require(access.can_mark_typical(member, story),
                   _("Only the coordinator or the director marks typical cases."))
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say why this story is a typical case."), field="reason")
    if TypicalCase.objects.filter(story=story).exists():
        raise ServiceError(_("This story is already a typical case."))
    try:
        with transaction.atomic():
            case = TypicalCase.objects.create(story=story, reason=reason[:300], marked_by=member)
    except IntegrityError:
        raise ServiceError(_("This story is already a typical case.")) from None
    audit_record(action="story.mark_typical", member=member, obj=story, detail={"reason": reason[:200]})
    return case


@transaction.atomic
def story_unmark_typical(*, member: Member, story: DeputyStory, reason: str) -> None:
    access.require(access.can_mark_typical(member, story),
                   _("Only the coordinator or the director marks typical cases."))
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say why this story is no longer a typical case."), field="reason")
    deleted, _rows = TypicalCase.objects.filter(story=story).delete()
    if not deleted:
        raise ServiceError(_("This story is not a typical case."))
    audit_record(action="story.unmark_typical", member=member, obj=story, detail={"reason": reason[:200]})


# --- How far a story travels: publications and reprints through the newsroom ------------------

def _linked(story: DeputyStory, manuscript: Manuscript) -> None:
    if not StoryManuscript.objects.filter(story=story, manuscript=manuscript).exists():
        raise ServiceError(_("Link the manuscript to the story first."), field="manuscript")


@transaction.atomic
def story_record_publication(*, member: Member, story: DeputyStory, manuscript: Manuscript, outlet,
                             published_on: dt.date, title: str, address: str = ""):
    """A linked manuscript was published by an outlet: the submission to that outlet (if not
    recorded yet) and the publication, through the newsroom's services, in one transaction."""
    from tribune.newsroom.models import Submission

    _linked(story, manuscript)
    submission = Submission.objects.filter(manuscript=manuscript, outlet=outlet).first()
    if submission is None:
        if published_on is None:
            raise ServiceError(_("Give the publication date."), field="published_on")
        # Submitted no later than it was published: a story told after the fact is recorded at
        # the start of its publication day, so the newsroom's date check holds.
        when = min(timezone.now(), timezone.make_aware(dt.datetime.combine(published_on, dt.time(8, 0))))
        submission, = publishing.manuscript_submit_to_outlets(member=member, manuscript=manuscript,
                                                              version=manuscript.version, outlets=[outlet],
                                                              submitted_at=when)
    return publishing.publication_record(member=member, submission=submission, published_on=published_on,
                                         title=title, address=address)


@transaction.atomic
def story_record_reprint(*, member: Member, story: DeputyStory, publication, outlet_name: str, level: str,
                         reprinted_on: dt.date, address: str = ""):
    _linked(story, publication.submission.manuscript)
    return publishing.reprint_record(member=member, publication=publication, outlet_name=outlet_name, level=level,
                                     reprinted_on=reprinted_on, address=address)
