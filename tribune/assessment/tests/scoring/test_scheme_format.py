"""The scheme's text format: round trip, normalisation and refusal of bad files with clear messages."""

import pytest
from django.utils import translation

from tribune.assessment.scoring import engine, scheme_format
from tribune.assessment.scoring.defaults import CITY_DOCUMENT, COUNTY_DOCUMENT

from .test_engine_worked_example import DOC, example_scheme


@pytest.mark.parametrize("base", [COUNTY_DOCUMENT, CITY_DOCUMENT])
def test_a_dumped_scheme_parses_back_to_the_same_document(base):
    doc = scheme_format.validate({"name": "某区考核细则", **base})
    text = scheme_format.dump(doc)
    assert text.startswith("# 人大常委会宣传工作考核细则")
    assert scheme_format.parse(text) == doc
    assert scheme_format.dump(scheme_format.parse(text)) == text


def test_the_worked_example_of_the_docs_is_a_valid_scheme():
    scheme = example_scheme()
    assert scheme.publication_points["provincial"]["newspaper"] == 15
    assert scheme.credit_ratios == (3, 2)
    assert "worked-example-scheme" in DOC.read_text(encoding="utf-8")


def test_numbers_are_normalised_and_defaults_filled():
    doc = scheme_format.validate({"name": " 细则 ", "publication": {"points": {"city": {"default": "8.50"}}}})
    assert doc == {"name": "细则", "publication": {"levels": "highest", "points": {"city": {"default": 8.5}}},
                   "credit": {"split": "shares", "office_receives": True}}
    scheme = scheme_format.to_scheme(doc)
    assert isinstance(scheme, engine.Scheme) and str(scheme.publication_points["city"]["default"]) == "8.5"


BAD = """
name: 坏细则
publication:
  levels: sometimes
  points:
    provincal: {default: 12}
    city: {default: -3, newpaper: 2}
metrics:
  reads: {tiers: [{min: 10000}]}
credit: {split: ratios}
caps: {per_manuscript: 0}
"""


def test_a_bad_file_is_refused_with_every_problem_named_in_chinese():
    with translation.override("zh-hans"), pytest.raises(scheme_format.SchemeFormatError) as caught:
        scheme_format.parse(BAD)
    errors = caught.value.errors
    assert any(e.startswith("publication.levels：") and "highest" in e for e in errors)
    assert any(e.startswith("publication.points：") and "provincal" in e and "未知" in e for e in errors)
    assert "publication.points.city.default：不能为负数。" in errors
    assert any("newpaper" in e for e in errors)
    assert any(e.startswith("metrics.reads.tiers[1]：") for e in errors)
    assert any(e.startswith("credit.ratios：") for e in errors)
    assert "caps.per_manuscript：必须大于 0。" in errors
    assert len(errors) == 7


@pytest.mark.parametrize("text, fragment", [
    ("", "文件是空的"),
    ("name: [unclosed", "第 1 行"),
    ("- a list", "必须是"),
    ("publication: {points: {city: {default: 1}}}", "name"),
    ("name: x\npublication: {points: {city: {default: 1.234}}}", "两位小数"),
    ("name: x\npublication: {points: {city: {default: yes}}}", "必须是数字"),
    ("name: x\nsubmission: {points: 1e400}", "之间"),
])
def test_malformed_files_get_a_clear_message(text, fragment):
    with translation.override("zh-hans"), pytest.raises(scheme_format.SchemeFormatError) as caught:
        scheme_format.parse(text)
    assert fragment in "；".join(caught.value.errors)
