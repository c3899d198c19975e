"""The base of every Tribune form, so that every form follows the same input rules without
each field saying so:

- text: control characters and noncharacters are stripped from every submitted value before
  the fields see it (line breaks and tabs are kept in a Textarea, made spaces elsewhere;
  passwords are left as typed). One mechanism for every form, so no field can forget it.
- dates: every DateField accepts only MIN_DATE..MAX_DATE (`kit.params`), so no page adds a day
  to 9999-12-31 or subtracts one from 0001-01-01.
- numbers: every IntegerField fits a 64-bit integer (the database's), whatever its own bounds.
- ids in multiple choices: each must be an ASCII-digit id that fits a 64-bit key before the
  database is asked (SQLite raises OverflowError on a larger one).

A guard test (`kit/tests/test_guard_forms.py`) fails when a form of the project does not
derive from `Form` here.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from tribune.kit import params
from tribune.kit import text as kit_text


def validate_date_range(value):
    if value is not None and not params.MIN_DATE <= value <= params.MAX_DATE:
        raise forms.ValidationError(
            _("The date must lie between %(min)s and %(max)s."), code="date_range",
            params={"min": params.MIN_DATE.isoformat(), "max": params.MAX_DATE.isoformat()})


class SafeIdsMixin:
    """Each submitted id is checked as an id before the queryset is asked for it."""

    def _check_values(self, value):
        if not self.to_field_name:
            for pk in value:
                try:
                    params.parse_id(pk)
                except params.BadParameter:
                    raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                                params={"pk": str(pk)[:20]}) from None
        return super()._check_values(value)


class ModelMultipleChoiceField(SafeIdsMixin, forms.ModelMultipleChoiceField):
    pass


_SAFE_CLASSES: dict[type, type] = {}


def _safe_multiple_choice_class(cls: type) -> type:
    if issubclass(cls, SafeIdsMixin):
        return cls
    if cls not in _SAFE_CLASSES:
        _SAFE_CLASSES[cls] = type(f"Safe{cls.__name__}", (SafeIdsMixin, cls), {})
    return _SAFE_CLASSES[cls]


def bound_field(field: forms.Field) -> None:
    """Give one field (a form's own copy) the project's bounds."""
    if isinstance(field, forms.DateField | forms.DateTimeField) and validate_date_range not in field.validators:
        field.validators.append(validate_date_range)
    elif isinstance(field, forms.IntegerField) and not getattr(field, "_kit_bounded", False):
        field.validators += [MinValueValidator(-params.MAX_INT), MaxValueValidator(params.MAX_INT)]
        field._kit_bounded = True
    elif isinstance(field, forms.ModelMultipleChoiceField):
        field.__class__ = _safe_multiple_choice_class(type(field))


def _is_password(field) -> bool:
    return isinstance(field.widget, forms.PasswordInput)


def clean_data(data, form):
    """A copy of submitted data with every value made safe text (see the module docstring)."""
    if data is None:
        return data
    kinds = {}
    for name, field in form.fields.items():
        kinds[form.add_prefix(name)] = ("password" if _is_password(field)
                                        else "multiline" if isinstance(field.widget, forms.Textarea) else "line")

    def safe(key, value):
        kind = kinds.get(key, "line")
        if not isinstance(value, str) or kind == "password":
            return value
        return kit_text.clean(value, multiline=kind == "multiline")

    if hasattr(data, "getlist"):
        copy = data.copy()
        for key in list(copy.keys()):
            copy.setlist(key, [safe(key, v) for v in data.getlist(key)])
        return copy
    return {key: safe(key, value) for key, value in data.items()}


class Form(forms.Form):
    """The base of every Tribune form (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            bound_field(field)
        if self.is_bound:
            self.data = clean_data(self.data, self)


def add_service_error(form, error) -> None:
    """A service's refusal (a ServiceError: `message`, and the `field` it names, if any) shown on
    that field, or above the form."""
    form.add_error(error.field if error.field in form.fields else None, str(error.message))
