"""The demo data set, built deterministically and only once.

Each domain app that has demo data provides `tribune/<app>/demo.py` with a `build(ctx)`
registered with `kit.plugins.demo_builders`; they run in the order of INSTALLED_APPS (bottom
layer first). A run on a database that already holds the demo congress does nothing.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from tribune.kit.demo import DEMO_PASSWORD, DemoContext
from tribune.kit.plugins import demo_builders

__all__ = ["DEMO_PASSWORD", "LOGINS", "DemoContext", "build", "demo_exists"]

# Demo logins, printed by `tribune demo` (username, role as shown to people).
LOGINS = [
    ("director", "常委会主任"),
    ("leader1", "分管领导（法工委、办公室等）"),
    ("leader2", "分管领导（财经委、代表工委等）"),
    ("head1", "委室负责人（writer1 所在委室）"),
    ("coordinator", "宣传专干"),
    ("writer1", "委室信息员"),
    ("writer2", "委室信息员"),
    ("auditor", "审计管理员"),
    ("admin", "系统管理员"),
    ("security", "安全管理员"),
    ("writer-luancheng", "栾城区信息员（另一区）"),
]


def demo_exists() -> bool:
    from tribune.org.models import Congress

    return Congress.objects.filter(code="gaocheng").exists()


def build(today: dt.date | None = None) -> DemoContext | None:
    if demo_exists():
        return None
    ctx = DemoContext(today=today or timezone.localdate(), rng=random.Random(20261127))
    with transaction.atomic():
        for builder in demo_builders.all():
            builder(ctx)
    _settle_inbox(ctx)  # after the commit: notifications are written on commit
    # The ledgers the demo's facts and schemes queued, computed now: the first page opened shows
    # complete figures, not "being updated".
    from tribune.jobs.services import run_waiting

    run_waiting()
    return ctx


def _settle_inbox(ctx) -> None:
    """A year of demo history leaves hundreds of notifications; people would have read all but
    their latest few by now."""
    from tribune.org.models import Notification

    keep = []
    for member_id in Notification.objects.values_list("member_id", flat=True).distinct():
        keep += Notification.objects.filter(member_id=member_id).order_by("-id").values_list("id", flat=True)[:5]
    Notification.objects.exclude(id__in=keep).update(read_at=ctx.at(ctx.today, 8))
