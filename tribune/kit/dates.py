"""Dates as the UI writes them: 2026年11月26日 in Chinese, 26 Nov 2026 otherwise."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import get_language


def cndate(value) -> str:
    """2026年11月26日 in Chinese, 26 Nov 2026 otherwise (a datetime in local time)."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if (get_language() or "").startswith("zh"):
        return f"{value.year}年{value.month}月{value.day}日"
    return value.strftime("%-d %b %Y")


def cndatetime(value) -> str:
    """2026年11月26日 14:05 (local time)."""
    if not value:
        return ""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{cndate(value)} {value:%H:%M}"
