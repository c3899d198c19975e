from hypothesis import given
from hypothesis import strategies as st

from tribune.reprints.core.normalise import (
    fold_width,
    normalise,
    skeleton,
    skeleton_offsets,
    strip_glosses,
    to_simplified,
)
from tribune.reprints.tests import samples


def test_pinyin_glosses_after_characters_are_removed():
    assert strip_glosses("網(wǎng)絡發(fā)展") == "網絡發展"
    assert strip_glosses("网（wang3）络") == "网络"


def test_a_gloss_whose_parenthesis_was_eaten_by_a_broken_character_is_removed():
    assert strip_glosses(samples.MOJIBAKE).startswith("变椤坝仓")


def test_parentheses_that_are_not_glosses_stay():
    assert strip_glosses("人大代表(市级)和代表 (abc)") == "人大代表(市级)和代表 (abc)"
    assert strip_glosses("什么?abc)") == "什么?abc)"


def test_traditional_script_becomes_simplified():
    assert to_simplified("藁城區人大常委會始終把加強人大宣傳工作") == "藁城区人大常委会始终把加强人大宣传工作"


def test_simplified_text_is_returned_as_it_is():
    text = "近年来,藁城区人大常委会始终把加强人大宣传工作作为创新人大工作的先导"
    assert to_simplified(text) is text


def test_normalise_reads_a_glossed_traditional_copy_as_the_simplified_source():
    assert normalise("藁城區人大常委會始終把加強人大宣傳(chuán)工作") == "藁城区人大常委会始终把加强人大宣传工作"


def test_width_and_quotes_fold_one_character_for_one():
    assert fold_width("「硬任务」“软任务”ＡＢＣ１２３，　") == '"硬任务""软任务"ABC123, '


def test_the_skeleton_ignores_punctuation_widths_and_case():
    assert skeleton("“软任务”变为「硬任务」, ＡＢＣ abc\n１２３") == skeleton("软任务变为硬任务abcabc123")


@given(st.text(alphabet=st.sampled_from("网络发展abcＡＢ１2，。 “”\n()?_-人大"), max_size=60))
def test_skeleton_offsets_point_at_the_skeletons_characters(text):
    skel = skeleton(text)
    offsets = skeleton_offsets(text)
    assert len(offsets) == len(skel)
    assert all(
        text[i].lower() == c or ord(text[i]) - 0xFEE0 == ord(c.upper()) or ord(text[i]) - 0xFEE0 == ord(c)
        for i, c in zip(offsets, skel, strict=True)
    )
