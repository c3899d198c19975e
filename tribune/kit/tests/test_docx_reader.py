"""The bounded Word reader and the zip checks behind it: ordinary files read as python-docx
reads them; hostile ones refused with a message, quickly and in little memory."""

import io
import time
import tracemalloc

import docx
import pytest

from tribune.kit import docx_reader, ooxml
from tribune.kit.testing import LAUGHS, docx_of, many_paragraphs_docx, paragraphs_docx, zip_bomb_docx


def test_an_ordinary_file_reads_as_python_docx_reads_it():
    document = docx.Document()
    document.add_paragraph("区人大常委会开展执法检查")
    paragraph = document.add_paragraph("检查组")
    paragraph.add_run("深入企业\t一线")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表格里的字"
    document.add_paragraph("第二段")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    assert docx_reader.read_paragraphs(data) == [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_line_breaks_and_tabs_inside_a_paragraph_are_kept():
    data = docx_of('<w:p><w:r><w:t>一</w:t><w:br/><w:t>二</w:t><w:tab/><w:t>三</w:t></w:r></w:p>')
    assert docx_reader.read_paragraphs(data) == ["一\n二\t三"]


def test_six_hundred_thousand_tiny_paragraphs_are_refused_within_a_second_or_two():
    data = many_paragraphs_docx()
    started = time.monotonic()
    with pytest.raises(docx_reader.DocxReadError):  # its XML is compressed 300 times: a bomb
        docx_reader.read_paragraphs(data)
    trusting = docx_reader.Limits(package=ooxml.Limits(max_ratio=10_000))
    with pytest.raises(docx_reader.DocxReadError, match="20000"):  # and past the paragraph limit
        docx_reader.read_paragraphs(data, trusting)
    # Not a speed assertion (bench/docx_import.py measures): a generous bound that only a
    # reader building every paragraph (half a minute) would break.
    assert time.monotonic() - started < 10


def test_the_paragraph_and_character_limits_are_the_callers():
    data = paragraphs_docx(["一二三", "四五六"])
    with pytest.raises(docx_reader.DocxReadError):
        docx_reader.read_paragraphs(data, docx_reader.Limits(max_paragraphs=1))
    with pytest.raises(docx_reader.DocxReadError):
        docx_reader.read_paragraphs(data, docx_reader.Limits(max_chars=5))
    assert docx_reader.read_paragraphs(data, docx_reader.Limits(max_chars=6)) == ["一二三", "四五六"]


def test_a_zip_bomb_is_refused_from_the_directory_without_expanding_it():
    data = zip_bomb_docx(megabytes=200)
    tracemalloc.start()
    try:
        with pytest.raises(docx_reader.DocxReadError, match="MB"):
            docx_reader.read_paragraphs(data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_a_strongly_compressed_part_is_refused_even_below_the_size_limits():
    data = zip_bomb_docx(megabytes=20)
    with pytest.raises(ooxml.PackageError, match=r"压缩|compress"):
        ooxml.open_package(data)


@pytest.mark.parametrize("doctype", [LAUGHS, '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
                                     '<!doctype x>'])
def test_a_part_with_a_doctype_is_refused(doctype):
    with pytest.raises(docx_reader.DocxReadError, match="DOCTYPE"):
        docx_reader.read_paragraphs(docx_of("<w:p/>", doctype=doctype))


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really", b"", b"plain text"])
def test_a_damaged_file_is_refused_with_a_message(data):
    with pytest.raises(docx_reader.DocxReadError):
        docx_reader.read_paragraphs(data)


def test_a_part_that_is_not_well_formed_is_refused_with_a_message():
    with pytest.raises(docx_reader.DocxReadError):
        docx_reader.read_paragraphs(docx_of("<w:p><w:r>"))
