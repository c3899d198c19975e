"""The demo data set, built deterministically and only once.

Each domain app that has demo data provides `tribune/<app>/demo.py` with `build(ctx)`; they run
in dependency order. A run on a database that already holds the demo congress does nothing.
"""

import datetime as dt
import importlib
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

DEMO_PASSWORD = "tribune-demo"
APPS = ["org", "newsroom", "planning", "deputies", "assessment"]

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


@dataclass
class DemoContext:
    """What one app's demo builder hands the next: the congresses and members by code and
    username, the day the data is built around, and a seeded random generator."""

    today: dt.date
    rng: random.Random
    congresses: dict = field(default_factory=dict)
    members: dict = field(default_factory=dict)
    offices: dict = field(default_factory=dict)  # (congress code, office name) -> Office
    extra: dict = field(default_factory=dict)

    def at(self, day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def demo_exists() -> bool:
    from tribune.org.models import Congress

    return Congress.objects.filter(code="gaocheng").exists()


def build(today: dt.date | None = None) -> DemoContext | None:
    if demo_exists():
        return None
    ctx = DemoContext(today=today or timezone.localdate(), rng=random.Random(20261127))
    with transaction.atomic():
        for app in APPS:
            try:
                module = importlib.import_module(f"tribune.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"tribune.{app}.demo":
                    raise
                continue
            module.build(ctx)
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
