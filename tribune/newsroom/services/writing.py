"""Writing a manuscript: its authors and shares, creating (or importing from Word), editing (an
edit of a manuscript in review starts its review again), and its attached files. One function,
one transaction, permission checked inside, audit entry in the same transaction."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from tribune.kit import files
from tribune.newsroom import docx_io, filetypes
from tribune.newsroom.models import Attachment, Manuscript, ManuscriptAuthor, ManuscriptKind, ManuscriptVersion, Topic
from tribune.newsroom.services.reviewing import open_review
from tribune.newsroom.services.state import lock
from tribune.newsroom.states import State
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import Member, Office


def parse_authors(congress, entries: Sequence[tuple[Member | int, object]]) -> list[tuple[Member, Decimal]]:
    """Validate an ordered list of (member, share %): members of the congress, each once, shares
    positive with two decimals at most, summing to exactly 100."""
    if not entries:
        raise ServiceError(_("A manuscript needs at least one author."), field="authors")
    result, seen = [], set()
    for who, raw_share in entries:
        member = who if isinstance(who, Member) else Member.objects.filter(pk=who).first()
        if member is None or member.congress_id != congress.pk or not member.is_active:
            raise ServiceError(_("An author must be an active member of this congress."), field="authors")
        if member.pk in seen:
            raise ServiceError(_("%(name)s is listed twice as an author.") % {"name": member.name},
                               field="authors")
        seen.add(member.pk)
        try:
            share = Decimal(str(raw_share).strip().rstrip("%"))
        except (InvalidOperation, ValueError):
            raise ServiceError(_("A share must be a number, e.g. 60 or 33.33."), field="authors") from None
        if not share.is_finite() or share <= 0 or share > 100 or share != share.quantize(Decimal("0.01")):
            raise ServiceError(_("Each share must be more than 0 and at most 100, with at most two decimals."),
                               field="authors")
        result.append((member, share))
    if sum(share for _m, share in result) != Decimal("100"):
        raise ServiceError(_("The authors' shares must add up to 100%."), field="authors")
    return result


def _set_authors(manuscript: Manuscript, authors: list[tuple[Member, Decimal]]) -> None:
    manuscript.authorships.all().delete()
    ManuscriptAuthor.objects.bulk_create(
        ManuscriptAuthor(manuscript=manuscript, member=member, position=i, share=share)
        for i, (member, share) in enumerate(authors, start=1)
    )
    manuscript._author_ids = {m.pk for m, _s in authors}


def _clean_text(title: str, body: str) -> tuple[str, str]:
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("The title cannot be empty."), field="title")
    if len(title) > 200:
        raise ServiceError(_("The title can have at most 200 characters."), field="title")
    body = (body or "").replace("\r\n", "\n").strip()
    return title, body


def _check_topic(congress, topic):
    if topic is not None and topic.congress_id != congress.pk:
        raise ServiceError(_("The topic belongs to another congress."), field="topic")


@transaction.atomic
def manuscript_create(
    *, member: Member, title: str, body: str = "", office: Office | None = None,
    kind: str = ManuscriptKind.ARTICLE, topic: Topic | None = None, event_date: dt.date | None = None,
    editor: str = "", supervisor: str = "", authors=None,
) -> Manuscript:
    access.require(access.can_create_manuscript(member), _("You may not write manuscripts."))
    title, body = _clean_text(title, body)
    office = office or member.office
    if office.congress_id != member.congress_id:
        raise ServiceError(_("The office belongs to another congress."), field="office")
    if kind not in ManuscriptKind.values:
        raise ServiceError(_("Unknown kind of manuscript."), field="kind")
    _check_topic(member.congress, topic)
    author_list = parse_authors(member.congress, authors or [(member, 100)])
    manuscript = Manuscript.objects.create(
        congress=member.congress, office=office, title=title, body=body, kind=kind, topic=topic,
        event_date=event_date, editor=editor.strip()[:40], supervisor=supervisor.strip()[:40],
        created_by=member,
    )
    _set_authors(manuscript, author_list)
    audit_record(action="manuscript.create", member=member, obj=manuscript)
    return manuscript


def manuscript_import_docx(*, member: Member, data: bytes, **fields) -> Manuscript:
    """A new draft from a Word file: its first paragraph is the title, the rest the body.

    Not one transaction: the file is read first, outside any transaction, because SQLite's
    write lock is taken when a transaction opens (IMMEDIATE): a slow file read inside it made
    every other user's save fail with "database is locked". The write is manuscript_create's
    own short transaction."""
    access.require(access.can_create_manuscript(member), _("You may not write manuscripts."))
    try:
        title, body = docx_io.read_docx(data)
    except docx_io.DocxError as exc:
        raise ServiceError(str(exc), field="file") from exc
    return manuscript_create(member=member, title=title, body=body, **fields)


def _has_been_submitted(manuscript: Manuscript) -> bool:
    return manuscript.review_requests.exists()


@transaction.atomic
def manuscript_update(
    *, member: Member, manuscript: Manuscript, version: int, title: str, body: str,
    kind: str | None = None, topic: Topic | None = None, event_date: dt.date | None = None,
    editor: str | None = None, supervisor: str | None = None, authors=None,
) -> Manuscript:
    """Save an edit made on a form based on `version`. After the first submission the previous
    text is kept as a version; editing a manuscript in review or approved sends it back to the
    first step of the chain, because an approval belongs to the text it approved."""
    access.require(access.can_edit_manuscript(member, manuscript), _("You may not edit this manuscript."))
    title, body = _clean_text(title, body)
    _check_topic(manuscript.congress, topic)
    if kind is not None and kind not in ManuscriptKind.values:
        raise ServiceError(_("Unknown kind of manuscript."), field="kind")
    author_list = parse_authors(manuscript.congress, authors) if authors is not None else None
    lock(manuscript, version)
    text_changed = (title, body) != (manuscript.title, manuscript.body)
    if text_changed and _has_been_submitted(manuscript):
        ManuscriptVersion.objects.get_or_create(
            manuscript=manuscript, revision=manuscript.revision,
            defaults={"title": manuscript.title, "body": manuscript.body, "saved_by": member,
                      "saved_at": manuscript.updated_at},
        )
    previous_state = manuscript.state
    manuscript.title, manuscript.body = title, body
    if text_changed:
        manuscript.revision += 1
    if kind is not None:
        manuscript.kind = kind
    manuscript.topic = topic
    manuscript.event_date = event_date
    if editor is not None:
        manuscript.editor = editor.strip()[:40]
    if supervisor is not None:
        manuscript.supervisor = supervisor.strip()[:40]
    # Only the fields of the form: `version` moved by the lock above, and a full save would
    # write back stale copies of the other columns (state, created_at) held by this instance.
    manuscript.save(update_fields=["title", "body", "revision", "kind", "topic", "event_date", "editor",
                                   "supervisor", "updated_at"])
    if author_list is not None:
        _set_authors(manuscript, author_list)
    if text_changed and previous_state in (State.IN_REVIEW, State.APPROVED):
        open_review(manuscript, member, reason="edited")
    audit_record(action="manuscript.update", member=member, obj=manuscript,
                 detail={"revision": manuscript.revision, "restarted_review": text_changed
                         and previous_state in (State.IN_REVIEW, State.APPROVED)})
    return manuscript


def _limit_bytes(kind: str) -> int:
    megabytes = {filetypes.IMAGE: settings.TRIBUNE_MAX_IMAGE_MB, filetypes.VIDEO: settings.TRIBUNE_MAX_VIDEO_MB,
                 filetypes.DOCUMENT: settings.TRIBUNE_MAX_DOCUMENT_MB}[kind]
    return megabytes * 1024 * 1024


def check_upload(uploaded) -> tuple[str, str]:
    """(kind, content type) of an uploaded file, checked by its content and size."""
    uploaded.seek(0)
    head = uploaded.read(32)
    uploaded.seek(0)

    def read_all():
        uploaded.seek(0)
        data = uploaded.read()
        uploaded.seek(0)
        return data

    found = filetypes.sniff(head, read_all if uploaded.size <= settings.TRIBUNE_MAX_DOCUMENT_MB * 1048576 else None)
    if found is None:
        raise ServiceError(_("Only JPG, PNG or GIF images, MP4 videos and Word (.docx) files can be attached; "
                             "this file is none of them."), field="file")
    kind, content_type = found
    if uploaded.size > _limit_bytes(kind):
        raise ServiceError(_("The file is too large: at most %(mb)s MB for this kind of file.")
                           % {"mb": _limit_bytes(kind) // 1048576}, field="file")
    return kind, content_type


@transaction.atomic
def attachment_add(*, member: Member, manuscript: Manuscript, uploaded, caption: str = "") -> Attachment:
    access.require(access.can_attach_file(member, manuscript), _("You may not add files to this manuscript."))
    kind, content_type = check_upload(uploaded)
    caption = (caption or "").strip()
    if kind == filetypes.IMAGE and not caption:
        raise ServiceError(_("An image needs a caption."), field="caption")
    attachment = Attachment(manuscript=manuscript, kind=kind, content_type=content_type,
                            original_name=files.display_name(uploaded.name), size=uploaded.size,
                            caption=caption[:200], uploaded_by=member)
    # Everything is validated before the file is written, so a refusal leaves no file behind.
    attachment.file.save(files.stored_name(uploaded.name, content_type), uploaded, save=False)
    attachment.save()
    restarted = _review_again_for_files(manuscript, member)
    audit_record(action="attachment.add", member=member, obj=manuscript,
                 detail={"file": attachment.original_name, "kind": kind, "restarted_review": restarted})
    return attachment


def _review_again_for_files(manuscript: Manuscript, member: Member) -> bool:
    """A photo or file added to or removed from a manuscript in review or approved sends it back
    to the first step, as a text edit does: the approval covered what went out with the text.
    The manuscript's version moves, so a form opened before the change is refused as stale."""
    if manuscript.state not in (State.IN_REVIEW, State.APPROVED):
        return False
    lock(manuscript, None)
    open_review(manuscript, member, reason="files")
    return True


@transaction.atomic
def attachment_remove(*, member: Member, attachment: Attachment) -> None:
    manuscript = attachment.manuscript
    access.require(access.can_attach_file(member, manuscript), _("You may not remove files of this manuscript."))
    name = attachment.original_name
    storage, path = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(path))
    restarted = _review_again_for_files(manuscript, member)
    audit_record(action="attachment.remove", member=member, obj=manuscript,
                 detail={"file": name, "restarted_review": restarted})
