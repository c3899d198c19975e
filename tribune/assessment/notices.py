"""The coordinator's words in a monthly notice: next month's focus (NoticeNote)."""

from django.db import transaction
from django.utils.translation import gettext as _

from tribune.assessment.models import NoticeNote
from tribune.assessment.periods import Month
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError


def focus_for(congress, month: Month) -> str:
    note = NoticeNote.objects.filter(congress=congress, month=month.first).first()
    return note.focus if note else ""


@transaction.atomic
def notice_focus_save(*, member, congress, month: Month, focus: str) -> NoticeNote:
    access.require(access.can_write_notice(member, congress), _("Only the coordinator writes the notice."))
    focus = (focus or "").strip()
    if len(focus) > 4000:
        raise ServiceError(_("The focus is too long: at most 4,000 characters."), field="focus")
    note, _created = NoticeNote.objects.update_or_create(congress=congress, month=month.first,
                                                         defaults={"focus": focus, "updated_by": member})
    audit_record(action="notice.focus", member=member, obj=note, congress=congress,
                 detail={"month": str(month), "length": len(focus)})
    return note
