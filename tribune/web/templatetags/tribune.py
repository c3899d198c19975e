"""Template helpers shared by every app: dates in Chinese style and permission checks."""

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from tribune.org import access

register = template.Library()


@register.filter
def cndate(value):
    """2026年11月26日 in Chinese, 26 Nov 2026 otherwise."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if (get_language() or "").startswith("zh"):
        return f"{value.year}年{value.month}月{value.day}日"
    return value.strftime("%-d %b %Y")


@register.filter
def cndatetime(value):
    if not value:
        return ""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{cndate(value)} {value:%H:%M}"


@register.simple_tag
def can(rule: str, member, *args):
    """{% can "review" member manuscript as allowed %}: the rule access.can_<rule>."""
    return bool(getattr(access, f"can_{rule}")(member, *args))


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination and sorting)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode() if params else "?"
