"""What every app's demo builder shares: the demo password and the context handed from one
builder to the next. The builders register with `kit.plugins.demo_builders`; tribune/web/demo.py
runs them."""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils import timezone

DEMO_PASSWORD = "tribune-demo"


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
