"""One test per kind of copy (issue 15, item 3), and the quotes that are not reprints."""

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tribune.reprints.core.extract import page_text
from tribune.reprints.core.match import Source
from tribune.reprints.tests import samples
from tribune.reprints.tests.helpers import light_edits, page, paragraphs, source_index

OTHER = Source(id="other", title="另一篇稿件", text=samples.OTHER_TEXT)
UNRELATED = (
    "我市举行秋季运动会，来自全市各学校的一千余名运动员参加了田径、游泳、篮球等十二个项目的比赛。"
    "运动会历时三天，共打破市级纪录五项，评选出体育道德风尚奖代表队八个。"
)


def carried(html: str, index=None) -> dict[str, float]:
    index = index or source_index(OTHER)
    return {m.source_id: m.share for m in index.match(page_text(html).text)}


def test_a_full_copy_is_found_whole():
    assert carried(page(paragraphs(samples.PARAGRAPHS))) == {"gaocheng": 1.0}


@pytest.mark.parametrize("rate", [0.01, 0.02, 0.03])
def test_a_copy_with_light_edits_is_found_with_most_of_its_characters(rate):
    edited = [light_edits(p, rate, seed=i) for i, p in enumerate(samples.PARAGRAPHS)]
    assert carried(page(paragraphs(edited)))["gaocheng"] >= 0.9


def test_a_copy_with_a_paragraph_dropped_is_found():
    kept = samples.PARAGRAPHS[:3] + samples.PARAGRAPHS[4:]
    share = carried(page(paragraphs(kept)))["gaocheng"]
    assert 0.75 < share < 0.99


def test_an_excerpt_carrying_most_of_the_text_is_found():
    share = carried(page(paragraphs(samples.PARAGRAPHS[:7])))["gaocheng"]
    assert 0.5 <= share < 0.9


def test_a_copy_split_by_advertisements_is_found():
    ad = '<div class="ad"><a href="https://ad.example.com/x">【广告】品质家装 限时优惠 立即咨询</a></div>'
    parts = []
    for p in samples.PARAGRAPHS:
        middle = len(p) // 2
        parts.append(f"<p>{p[:middle]}</p>{ad}<p>{p[middle:]}</p>")
    assert carried(page("".join(parts)))["gaocheng"] >= 0.99


def test_a_retitled_copy_is_found():
    assert carried(page(paragraphs(samples.PARAGRAPHS), title="基层人大如何做好宣传工作？看这里"))["gaocheng"] >= 0.99


def test_a_page_carrying_two_sources_reports_both():
    found = carried(page(paragraphs(samples.PARAGRAPHS) + f"<p>{OTHER.text}</p>"))
    assert set(found) == {"gaocheng", "other"}


def test_a_copy_inside_other_text_is_found():
    body = f"<p>转一篇文章给大家看看：{UNRELATED}{''.join(samples.PARAGRAPHS)}{UNRELATED}</p>"
    assert carried(page(body, title="论坛帖子"))["gaocheng"] >= 0.99


def test_the_hijacked_traditional_copy_with_glosses_and_mojibake_is_found():
    traditional = opencc.OpenCC("s2t").convert
    glossed = [traditional(p).replace("網", "網(wǎng)").replace("宣", "宣(xuān)") for p in samples.PARAGRAPHS]
    glossed[0] = glossed[0].replace(traditional("变为“硬任务”，真正展现"), samples.MOJIBAKE)
    assert carried(page(paragraphs(glossed), before_title="<div>久久精品国产 | 一本道无码</div>"))["gaocheng"] >= 0.95


def test_quoting_a_sentence_or_two_is_not_a_reprint():
    quote = samples.PARAGRAPHS[2][:60] + "。" + samples.PARAGRAPHS[5][:50]
    assert carried(page(f"<p>{UNRELATED}据报道，“{quote}”</p>", title="综述")) == {}


def test_a_page_about_something_else_carries_nothing():
    assert carried(page(f"<p>{UNRELATED}</p>", title="运动会")) == {}


def test_spans_point_at_the_same_text_in_the_source_and_on_the_page():
    index = source_index()
    text = page_text(page("<p>广告位招租</p>" + paragraphs(samples.PARAGRAPHS))).text
    (found,) = index.match(text)
    source = index.source_text("gaocheng")
    assert found.spans
    for span in found.spans:
        assert source[span.source_start : span.source_end] == text[span.page_start : span.page_end]


def test_sources_shorter_than_a_window_never_match():
    index = source_index(Source(id="short", title="", text="人大代表"))
    assert "short" not in carried(page("<p>人大代表人大代表</p>"), index)


@settings(max_examples=25, deadline=None)
@given(rate=st.floats(min_value=0.0, max_value=0.03), seed=st.integers(0, 10_000))
def test_any_light_edit_keeps_a_full_copy_above_the_threshold(rate, seed):
    edited = light_edits(samples.TEXT, rate, seed=seed)
    assert carried(page(f"<p>{edited}</p>"))["gaocheng"] >= 0.85


def test_a_batch_answers_each_page_on_its_own():
    index = source_index(OTHER)
    texts = [
        page_text(page(paragraphs(samples.PARAGRAPHS))).text,
        "",
        page_text(page(f"<p>{OTHER.text}</p>")).text,
        "短",
    ]
    results = index.match_batch(texts)
    assert [[m.source_id for m in r] for r in results] == [["gaocheng"], [], ["other"], []]
