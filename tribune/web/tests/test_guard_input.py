"""Guard rails over input: every form of the project derives from the kit's form base (control
characters stripped, dates, numbers and ids bounded), and no view parses a request value by hand
(`"²".isdigit()` is true; the kit's strict parser is the one place)."""

import datetime as dt
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from django import forms

import tribune
from tribune.kit import forms as kit_forms
from tribune.kit import params

ROOT = Path(__file__).resolve().parents[2]
HAND_PARSING = re.compile(r"\.isdigit\(\)|\bint\(\s*request\.|fromisoformat\(|strptime\(")


def _import_every_module():
    for info in pkgutil.walk_packages(tribune.__path__, "tribune."):
        if ".tests" in info.name or ".migrations" in info.name or info.name.endswith(".cli"):
            continue
        importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_of_the_project_derives_from_the_kit_form():
    _import_every_module()
    ours = {cls for cls in _subclasses(forms.Form) if cls.__module__.startswith("tribune.")
            and ".tests" not in cls.__module__}
    assert len(ours) > 40
    strays = sorted(f"{cls.__module__}.{cls.__qualname__}" for cls in ours if not issubclass(cls, kit_forms.Form))
    assert not strays, f"forms not deriving from tribune.kit.forms.Form: {strays}"


def test_no_view_form_or_selector_parses_request_values_by_hand():
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[0] == "kit" or {"tests", "migrations", "management"} & set(rel.parts):
            continue
        if not ("views" in rel.parts or path.stem in ("views", "forms", "selectors")):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if HAND_PARSING.search(line):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert not offenders, "use tribune.kit.params:\n" + "\n".join(offenders)


class Sample(kit_forms.Form):
    title = forms.CharField(max_length=50)
    body = forms.CharField(widget=forms.Textarea, required=False)
    day = forms.DateField(required=False)
    count = forms.IntegerField(required=False)
    password = forms.CharField(widget=forms.PasswordInput, required=False)


def test_a_form_strips_control_characters_and_keeps_line_breaks_in_text_areas():
    form = Sample({"title": "标题\x01\ufffe", "body": "一\r\n二\x0b三\x02", "password": "p\x01w"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "标题"
    assert form.cleaned_data["body"] == "一\n二\n三"
    assert form.cleaned_data["password"] == "p\x01w"  # passwords are taken as typed


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1999-12-31", "2100-01-01"])
def test_a_form_refuses_dates_outside_the_range_with_the_range(day):
    form = Sample({"title": "x", "day": day})
    assert not form.is_valid()
    assert params.MIN_DATE.isoformat() in str(form.errors["day"])


def test_a_form_keeps_dates_inside_the_range_and_bounds_numbers_to_64_bits():
    form = Sample({"title": "x", "day": "2099-12-31", "count": "-5"})
    assert form.is_valid() and form.cleaned_data["day"] == dt.date(2099, 12, 31)
    assert not Sample({"title": "x", "count": str(2**63)}).is_valid()


@pytest.mark.django_db
def test_a_multiple_choice_of_records_refuses_huge_ids_before_asking_the_database():
    from tribune.org.models import Office

    class Choose(kit_forms.Form):
        offices = forms.ModelMultipleChoiceField(queryset=Office.objects.all())

    for value in ("9" * 30, str(2**63), "²", "-1"):
        form = Choose({"offices": [value]})
        assert not form.is_valid() and "offices" in form.errors
