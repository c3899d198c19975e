"""Deadline reminders: tasks and action items due within 24 hours or overdue, each reminded once.

`tribune remind` runs this from cron every few minutes. Each reminder carries a key naming the
task, the kind of reminder and the deadline; the inbox's unique (member, key) constraint makes a
second run write nothing, and a moved deadline gives a new key, so it is reminded again. E-mail
goes out once per notification: the conditional UPDATE of `emailed_at` lets only one run send it.
"""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.org.models import Notification
from tribune.planning import selectors
from tribune.planning.models import ActionItem, CoverageTask

KEY_PREFIX = "remind:"


def due_items(today: dt.date):
    """(member, kind, text, url, key) of every reminder due now."""
    from django.urls import reverse

    tomorrow = today + dt.timedelta(days=1)
    tasks = (CoverageTask.objects.filter(assignee__isnull=False, assignee__is_active=True, due_date__lte=tomorrow)
             .exclude(selectors.DONE).select_related("assignee", "plan__meeting", "plan__activity"))
    for task in tasks:
        overdue = task.due_date < today
        subject = task.plan.meeting or task.plan.activity
        url = (reverse("planning:meeting", args=[task.plan.meeting_id]) if task.plan.meeting_id
               else reverse("planning:activity", args=[task.plan.activity_id]))
        values = {"task": task.title, "subject": subject, "due": task.due_date.isoformat()}
        text = (_("Overdue: %(task)s for %(subject)s (deadline %(due)s)") if overdue
                else _("Due soon: %(task)s for %(subject)s (deadline %(due)s)")) % values
        kind = "overdue" if overdue else "due_soon"
        yield task.assignee, kind, text, f"{url}#task-{task.pk}", f"{KEY_PREFIX}task:{task.pk}:{kind}:{task.due_date}"
    items = (ActionItem.objects.filter(owner__isnull=False, owner__is_active=True, done_at__isnull=True,
                                       due_date__lte=tomorrow).select_related("owner", "meeting"))
    for item in items:
        overdue = item.due_date < today
        kind = "overdue" if overdue else "due_soon"
        values = {"task": item.text, "due": item.due_date.isoformat()}
        text = (_("Overdue action: %(task)s (due %(due)s)") if overdue
                else _("Action due soon: %(task)s (due %(due)s)")) % values
        yield (item.owner, kind, text, reverse("planning:regular_meeting", args=[item.meeting_id]),
               f"{KEY_PREFIX}action:{item.pk}:{kind}:{item.due_date}")


def send_reminders(now: dt.datetime | None = None, dry_run: bool = False) -> dict:
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    found = list(due_items(today))
    if dry_run:
        return {"due": len(found), "created": 0, "emailed": 0}
    created = 0
    for member, kind, text, url, key in found:
        # The same idempotent write as org.notify (one row per member and key), done at once rather than
        # on commit, so a run knows what it created; a concurrent run's duplicate hits the constraint.
        try:
            with transaction.atomic():
                _row, new = Notification.objects.get_or_create(
                    member=member, key=key, defaults={"kind": kind, "text": text[:300], "url": url})
        except IntegrityError:
            new = False
        created += new
    return {"due": len(found), "created": created, "emailed": email_pending(now)}


def email_pending(now) -> int:
    """Mail every reminder not mailed yet, when an SMTP host is configured."""
    if not settings.EMAIL_HOST:
        return 0
    sent = 0
    pending = (Notification.objects.filter(key__startswith=KEY_PREFIX, emailed_at__isnull=True)
               .exclude(member__user__email="").select_related("member__user"))
    for notification in pending:
        # Claim it first: of two overlapping runs only one gets the row.
        if Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(emailed_at=now) != 1:
            continue
        send_mail(subject=notification.text[:120], message=notification.text, from_email=None,
                  recipient_list=[notification.member.user.email], fail_silently=False)
        sent += 1
    return sent
