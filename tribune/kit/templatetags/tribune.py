"""The project's template helpers, a builtin of every template (settings.TEMPLATES): dates in
Chinese style and the current query string with some parameters changed."""

from django import template

from tribune.kit import dates

register = template.Library()

register.filter("cndate", dates.cndate)
register.filter("cndatetime", dates.cndatetime)


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
