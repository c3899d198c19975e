"""字数: the characters of a text, whitespace not counted (Manuscript.length, the length tiers)."""

from hypothesis import given
from hypothesis import strategies as st

from tribune.newsroom.models import Manuscript, char_count


def test_whitespace_of_every_kind_is_not_counted():
    # ASCII spaces, tabs and newlines, the ideographic space of Chinese typesetting, a no-break space.
    assert char_count("人大 常委会\t宣传\n工作\u3000平台\u00a0！") == 12
    assert char_count("") == 0
    assert char_count(" \u3000\n") == 0


def test_a_manuscript_length_is_its_body_char_count():
    assert Manuscript(body="代表 之家\r\n履职").length == 6


@given(st.text())
def test_char_count_agrees_with_counting_character_by_character(text):
    assert char_count(text) == sum(1 for ch in text if not ch.isspace())


def test_str_split_drops_exactly_the_characters_isspace_accepts():
    # char_count relies on it, for every code point.
    assert all((ch.split() == []) == ch.isspace() for ch in map(chr, range(0x110000)))
