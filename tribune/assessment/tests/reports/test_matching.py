"""The pure sheet reader and matcher: headers, numbers, dates, addresses, titles."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tribune.assessment.reports.matching import (
    Candidate,
    SheetError,
    SheetRow,
    match_rows,
    normalize_address,
    normalize_title,
    parse_count,
    parse_date,
    read_rows,
)

D = dt.date(2026, 10, 5)


@pytest.mark.parametrize("value, expected", [
    (12345, 12345), (12345.0, 12345), ("12,345", 12345), ("1.2万", 12000), ("10万+", 100000), ("", 0),
    (None, 0), ("-", 0), (" 88 ", 88), ("３２", 32), ("2k", 2000),
])
def test_counts_are_read_in_every_common_spelling(value, expected):
    assert parse_count(value) == expected


@pytest.mark.parametrize("value", ["abc", "-5", -5, 1.5, "1.5", True, "12次"])
def test_a_count_that_is_not_a_whole_number_is_refused(value):
    with pytest.raises(ValueError):
        parse_count(value)


@pytest.mark.parametrize("value", [
    "2026-10-05", "2026/10/5", "2026年10月5日", "2026-10-05 12:30:00", "20261005", dt.datetime(2026, 10, 5, 9), D,
])
def test_dates_are_read_in_every_common_shape(value):
    assert parse_date(value) == D


@pytest.mark.parametrize("value", ["yesterday", "2026-02-30", "10/05/2026"])
def test_a_bad_date_is_refused(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_the_header_may_follow_a_caption_line_and_use_variant_names():
    rows = [["图文群发数据"], ["文章标题", "群发时间", "阅读量(次)", "转发数", "点赞数", "原文链接"],
            ["人大代表进社区", "2026-10-05", "1,200", "30", "12", "https://mp.weixin.qq.com/s/abc"],
            [None, None, None], ["合计", "", "1200", "30", "12", ""]]
    result = read_rows(rows)
    assert result[0] == SheetRow(line=3, title="人大代表进社区", published=D, reads=1200, shares=30, likes=12,
                                 address="https://mp.weixin.qq.com/s/abc")
    assert [r.title for r in result] == ["人大代表进社区", "合计"]


def test_a_sheet_without_a_reads_column_names_what_is_missing():
    with pytest.raises(SheetError) as error:
        read_rows([["标题", "发布时间"], ["a", "2026-10-05"]])
    assert error.value.code == "missing_columns" and error.value.params["columns"] == ["reads"]


def test_a_bad_number_names_its_line_and_column():
    with pytest.raises(SheetError) as error:
        read_rows([["标题", "阅读数"], ["a", "12"], ["b", "很多"]])
    assert error.value.code == "bad_number" and error.value.params["line"] == 3
    assert error.value.params["column"] == "reads"


def test_a_sheet_with_a_header_only_is_empty():
    with pytest.raises(SheetError) as error:
        read_rows([["标题", "阅读数"], [None, None]])
    assert error.value.code == "empty"


def test_wechat_addresses_lose_their_tracking_parameters():
    a = "https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=ab12&chksm=ffee&scene=21#wechat_redirect"
    b = "http://mp.weixin.qq.com/s?sn=ab12&idx=1&mid=22&__biz=MzA"
    assert normalize_address(a) == normalize_address(b) == "mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=22&sn=ab12"
    assert normalize_address("www.hebnews.cn/a/1.html/") == "hebnews.cn/a/1.html"
    assert normalize_address(" 第 3 版 ") == "第3版"


def test_titles_ignore_width_spaces_and_punctuation():
    assert normalize_title("【人大】 代表“进社区”！") == normalize_title("[人大]代表进社区")


def candidates():
    return [
        Candidate(1, "藁城区人大常委会开展执法检查", D, "https://mp.weixin.qq.com/s/aaa"),
        Candidate(2, "代表之家迎来新访客", D),
        Candidate(3, "代表之家迎来新访客", D + dt.timedelta(days=1)),
        Candidate(4, "代表之家迎来新访客", D + dt.timedelta(days=40)),
    ]


def row(title, published=D, address=""):
    return SheetRow(line=2, title=title, published=published, reads=10, address=address)


def test_an_equal_address_matches_even_when_the_title_was_edited():
    [result] = match_rows([row("完全不同的标题", None, "https://mp.weixin.qq.com/s/aaa?scene=1")], candidates())
    assert (result.status, result.candidate_ids, result.how) == ("matched", [1], "address")


def test_the_same_title_on_two_nearby_days_is_ambiguous_and_a_far_one_is_left_out():
    [result] = match_rows([row("代表之家迎来新访客！")], candidates())
    assert (result.status, result.candidate_ids) == ("ambiguous", [2, 3])


def test_a_title_contained_in_the_published_one_matches_within_the_date_window():
    [result] = match_rows([row("人大常委会开展执法检查", D + dt.timedelta(days=1))], candidates())
    assert (result.status, result.candidate_ids, result.how) == ("matched", [1], "title")


def test_an_unknown_title_is_unmatched():
    [result] = match_rows([row("无关的文章")], candidates())
    assert (result.status, result.candidate_ids) == ("unmatched", [])


@given(st.text(max_size=30))
def test_normalizing_a_title_twice_changes_nothing(text):
    assert normalize_title(normalize_title(text)) == normalize_title(text)


@given(st.lists(st.integers(min_value=1, max_value=50), max_size=8), st.text(max_size=12))
def test_every_row_gets_exactly_one_result_and_only_known_candidates(ids, title):
    pool = [Candidate(i, f"标题{i % 3}", D) for i in ids]
    rows = [row(title), row("标题1"), row("标题2", None)]
    results = match_rows(rows, pool)
    assert len(results) == 3
    for result in results:
        assert set(result.candidate_ids) <= set(ids)
        assert (result.status == "matched") == (len(result.candidate_ids) == 1)


def test_a_page_number_is_not_an_address_and_falls_back_to_title_and_date():
    pool = [Candidate(1, "代表之家迎来新访客", D, "第3版"),
            Candidate(2, "另一篇文章", D - dt.timedelta(days=200), "第3版")]
    [result] = match_rows([row("代表之家迎来新访客", D, "第3版")], pool)
    assert (result.status, result.candidate_ids, result.how) == ("matched", [1], "title")
