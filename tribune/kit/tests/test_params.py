"""The strict parser: ASCII digits only, ids that fit a 64-bit key, dates in the project's range."""

import datetime as dt

import pytest
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from tribune.kit import params


@pytest.mark.parametrize("raw", ["²", "１２", "٣", "1e3", "0x10", "", " ", "1 2", "+", "-", "12a", "1.0"])
def test_a_whole_number_is_ascii_digits_only(raw):
    with pytest.raises(params.BadParameter):
        params.parse_int(raw)


def test_numbers_within_bounds_are_read_and_outside_refused():
    assert params.parse_int(" 42 ") == 42
    assert params.parse_int("-3", min_value=-5, max_value=5) == -3
    with pytest.raises(params.BadParameter):
        params.parse_int("6", min_value=-5, max_value=5)
    with pytest.raises(params.BadParameter):
        params.parse_int("9" * 20)


@pytest.mark.parametrize("raw", ["0", "-1", str(2**63), "9" * 30, "²", "1.5", "+1"])
def test_an_id_is_positive_and_fits_a_64_bit_key(raw):
    with pytest.raises(params.BadParameter):
        params.parse_id(raw)
    assert not params.is_id(raw)


def test_the_largest_id_is_accepted():
    assert params.parse_id(str(2**63 - 1)) == 2**63 - 1


@given(st.text(max_size=30))
def test_any_text_either_parses_to_an_id_or_is_refused_with_a_bad_parameter(raw):
    try:
        value = params.parse_id(raw)
    except params.BadParameter:
        return
    assert raw.strip(" \t\r\n").isascii() and 1 <= value <= params.MAX_ID


@given(st.text(max_size=12))
def test_any_text_either_parses_to_a_date_in_range_or_is_refused(raw):
    try:
        day = params.parse_date(raw)
    except params.BadParameter:
        return
    assert params.MIN_DATE <= day <= params.MAX_DATE


@pytest.mark.parametrize("raw", ["9999-12-31", "0001-01-01", "1999-12-31", "2100-01-01", "2026-02-30",
                                 "２０２６-０３-０１", "2026/03/01", "20260301"])
def test_dates_outside_the_range_or_written_otherwise_are_refused(raw):
    with pytest.raises(params.BadParameter):
        params.parse_date(raw)


def test_the_date_range_ends_are_accepted():
    assert params.parse_date("2000-01-01") == params.MIN_DATE
    assert params.parse_date("2099-12-31") == params.MAX_DATE
    assert params.parse_month("2026-3") == dt.date(2026, 3, 1)
    assert params.parse_year("2026") == 2026


@pytest.mark.parametrize("raw", ["9999-12", "0001-01", "2026-13", "2026-00", "2026"])
def test_months_outside_the_range_are_refused(raw):
    with pytest.raises(params.BadParameter):
        params.parse_month(raw)


def test_a_declaration_reads_good_values_and_drops_bad_ones_with_their_reasons():
    query = params.Query(params={"day": params.Date(), "kind": params.Choice("a", "b", default="a"),
                                 "ids": params.Ids(), "q": params.Text(5), "on": params.Flag()})
    values = query.parse(QueryDict("day=9999-12-31&kind=c&ids=3&ids=4&q=%01ab&on=1"))
    assert values.day is None and values.kind == "a" and values.ids == [3, 4] and values.q == "ab" and values.on
    assert set(values.errors) == {"day", "kind"}
    assert params.Query(params={"ids": params.Ids()}).parse(QueryDict("ids=3&ids=²")).errors


def test_text_is_stripped_of_control_characters_and_bounded():
    assert params.parse_text("\x01标题\x7f", max_length=10) == "标题"
    with pytest.raises(params.BadParameter):
        params.parse_text("长" * 11, max_length=10)
