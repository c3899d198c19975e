"""The character diff is a pure function: the kept and removed segments rebuild the old text,
the kept and added ones the new text."""

from hypothesis import given
from hypothesis import strategies as st

from tribune.newsroom.textdiff import Segment, changed_chars, diff_chars

chinese = st.text(alphabet="人大常委会代表视察执法检查，。\n", max_size=60)


@given(chinese, chinese)
def test_the_segments_rebuild_both_texts(old, new):
    segments = diff_chars(old, new)
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new


def test_a_changed_word_is_shown_character_by_character():
    segments = diff_chars("听取意见建议", "听取群众意见")
    assert Segment("insert", "群众") in segments
    assert changed_chars(segments) == (2, 2)


def test_identical_texts_have_no_change():
    assert diff_chars("相同", "相同") == [Segment("equal", "相同")]
    assert changed_chars(diff_chars("", "")) == (0, 0)
