"""Text safety and stored file names."""

from hypothesis import given
from hypothesis import strategies as st

from tribune.kit import files, text

XML_ALLOWED = set("\t\n\r")


def _xml_legal(ch: str) -> bool:
    code = ord(ch)
    return (ch in XML_ALLOWED or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


@given(st.text())
def test_xml_safe_text_holds_only_what_xml_allows(value):
    assert all(_xml_legal(ch) for ch in text.xml_safe(value))


@given(st.text())
def test_cleaned_single_line_text_has_no_control_character_nor_line_break(value):
    cleaned = text.clean(value)
    assert not text.has_unsafe(cleaned)
    assert not set(cleaned) & set("\t\r\n\x0b\x0c")


def test_cleaning_keeps_chinese_and_emoji_and_turns_line_breaks_into_newlines():
    assert text.clean("第一段\r\n第二段\x0b第三段\x01😀", multiline=True) == "第一段\n第二段\n第三段😀"
    assert text.clean("标题\t一\n二") == "标题 一 二"
    assert text.xml_safe("a\x01b\ufffec\U0010ffff") == "abc"


def test_a_stored_name_fits_a_file_system_and_takes_the_detected_extension():
    name = files.stored_name("\U00020000" * 90 + ".html", "image/png")
    assert name.endswith(".png") and len(name.encode()) <= files.MAX_STEM_BYTES + 4
    assert files.stored_name("😀📷", "image/jpeg") == "file.jpg"
    assert files.stored_name("../../etc/passwd.docx", "image/gif") == "passwd.gif"
    assert files.stored_name("会议 照片.JPG", "image/jpeg") == "会议_照片.jpg"


@given(st.text(), st.sampled_from(sorted(files.EXTENSIONS)))
def test_any_name_gives_a_short_safe_stored_name(original, content_type):
    name = files.stored_name(original, content_type)
    assert len(name.encode()) <= files.MAX_STEM_BYTES + 5
    assert "/" not in name and "\\" not in name and not name.startswith(".")
