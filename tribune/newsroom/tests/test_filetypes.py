import io
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from tribune.newsroom import filetypes


def test_images_videos_and_word_files_are_recognised_by_their_bytes():
    assert filetypes.sniff(b"\xff\xd8\xff\xdb....") == ("image", "image/jpeg")
    assert filetypes.sniff(b"\x89PNG\r\n\x1a\n....") == ("image", "image/png")
    assert filetypes.sniff(b"GIF89a....") == ("image", "image/gif")
    assert filetypes.sniff(b"\x00\x00\x00\x20ftypisom....") == ("video", "video/mp4")


def test_a_zip_that_is_not_a_word_file_is_not_taken():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    data = out.getvalue()
    assert filetypes.sniff(data[:32], lambda: data) is None


def test_a_quicktime_movie_is_not_an_mp4():
    assert filetypes.sniff(b"\x00\x00\x00\x14ftypqt  ....") is None


@given(st.binary(max_size=64))
def test_random_bytes_never_crash_the_sniffer(data):
    result = filetypes.sniff(data, lambda: data)
    assert result is None or result[0] in {"image", "video", "document"}
