"""Points shown as the reports write them: 23.5, 12, -2 (no trailing zeros)."""

from decimal import Decimal

from django import template

from tribune.kit.report import format_value

register = template.Library()


@register.filter
def points(value):
    if value is None or value == "":
        return "0"
    return format_value(Decimal(str(value)))
