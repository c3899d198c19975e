"""Chinese text as the matcher compares it — pure Python, no Django.

Three steps, applied the same way to a congress's manuscripts and to every page, so whatever
they change changes on both sides alike:

1. `strip_glosses` removes inline pinyin annotations. Hijacked self-media copies gloss
   characters in place — `網(wǎng)絡` — and where the gloss was spliced into a GBK byte stream
   between the two bytes of a character, the opening parenthesis is swallowed by the broken
   character and what the decoder shows is `變?yōu)椤坝仓巍保`: a replacement mark, the pinyin, and
   a few characters decoded one byte out of step until an ASCII byte realigns the stream.
   The gloss is removed in both shapes; the misaligned characters cannot be recovered and are
   simply text the source does not have (the matcher treats them as an edit).
2. `to_simplified` converts Traditional script with OpenCC (`t2s`), only when the text holds a
   character that conversion changes: most pages are Simplified and skip the converter.
3. `fold_width` maps full-width ASCII, the ideographic space and the many quote and dash
   shapes to one form each, one character for one, so offsets into the text stay valid.

`skeleton` is what the matcher hashes: letters, digits and ideographs only, lower-cased, every
punctuation mark and space dropped — so quotes, widths and line breaks never break a run.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

# Tone-marked vowels (pinyin with diacritics) and the plain letters of pinyin.
_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = f"a-zü{_TONE_VOWELS}"
# `網(wǎng)`: a parenthesised pinyin syllable (tone marks or a tone digit) right after an ideograph.
_GLOSS = re.compile(rf"[(（]\s?[{_PINYIN}]{{1,7}}[1-5]?\s?[)）]")
# `變?yōu)`: the same gloss whose "(" was eaten by a broken double-byte character; only with a tone
# mark, so an ordinary "?abc)" is left alone.
_BROKEN_GLOSS = re.compile(rf"[?\ufffd][{_PINYIN}]{{0,6}}[{_TONE_VOWELS}][{_PINYIN}]{{0,6}}[1-5]?[)）]")


def _is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def _drop_gloss(match: re.Match[str]) -> str:
    start = match.start()
    text = match.string
    if start and _is_ideograph(text[start - 1]):
        return ""
    return match.group()


def strip_glosses(text: str) -> str:
    """Remove pinyin glosses written after characters: `網(wǎng)絡` → `網絡`."""
    if "(" in text or "（" in text:
        text = _GLOSS.sub(_drop_gloss, text)
    if "?" in text or "\ufffd" in text:
        text = _BROKEN_GLOSS.sub("", text)
    return text


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _traditional_chars() -> re.Pattern[str]:
    """Every character OpenCC's t2s changes on its own: a page without one needs no conversion.
    Built once from the converter itself (≈4,000 characters, 30 ms), so it never disagrees."""
    convert = _t2s().convert
    chars = [chr(c) for c in (*range(0x3400, 0xA000), *range(0xF900, 0xFB00)) if convert(chr(c)) != chr(c)]
    return re.compile("[" + "".join(chars) + "]")


def to_simplified(text: str) -> str:
    """Traditional script → Simplified (OpenCC t2s); Simplified text is returned as it is."""
    if _traditional_chars().search(text) is None:
        return text
    return _t2s().convert(text)


_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0xA0: 0x20})
for _quotes, _plain in (("“”„‟〝〞「」『』﹁﹂﹃﹄", '"'), ("‘’‚‛", "'"), ("—–―‒－", "-"), ("・·‧", "·")):
    _WIDTH.update({ord(q): ord(_plain) for q in _quotes})
_WIDTH_TABLE = str.maketrans(_WIDTH)


def fold_width(text: str) -> str:
    """Full-width ASCII → ASCII, every quote shape → one, dashes → "-"; one character for one."""
    return text.translate(_WIDTH_TABLE)


def normalise(text: str) -> str:
    """The text the matcher reads: glosses removed, Simplified script. Widths are left to
    `skeleton` (which ignores punctuation) and `fold_width` (for display), because folding every
    page costs more than the rest of this function and matching does not need it."""
    return to_simplified(strip_glosses(text))


@cache
def _fold_table() -> np.ndarray:
    """For every BMP code unit: what the skeleton keeps of it (lower-cased, full-width letters and
    digits made ASCII), or 0 where it is dropped (punctuation, spaces, symbols, surrogates)."""
    table = np.zeros(0x10000, dtype=np.uint16)
    for code in range(0x10000):
        char = chr(code)
        if not char.isalnum() or 0xD800 <= code < 0xE000:
            continue
        if 0xFF10 <= code <= 0xFF5A:
            char = chr(code - 0xFEE0)
        lower = char.lower()
        table[code] = ord(lower) if len(lower) == 1 and ord(lower) < 0x10000 else code
    return table


def skeleton_units(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The skeleton of `text` as UTF-16 code units (uint16), and where each sits in `text`.
    Letters, digits and ideographs only, lower-cased, full-width made ASCII; an ideograph outside
    the Basic Multilingual Plane becomes U+FFFD, so every character is one code unit."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    folded = _fold_table()[np.minimum(codes, 0xFFFF)]
    astral = codes > 0xFFFF
    if astral.any():
        folded[astral] = np.where((codes[astral] >= 0x20000) & (codes[astral] < 0x40000), 0xFFFD, 0)
    offsets = np.flatnonzero(folded)
    return folded[offsets], offsets


def skeleton(text: str) -> str:
    """Letters, digits and ideographs of `text`, lower-cased; punctuation and spaces dropped."""
    return skeleton_units(text)[0].tobytes().decode("utf-16-le")


def skeleton_offsets(text: str) -> np.ndarray:
    """Where each character of `skeleton(text)` sits in `text` (same length as the skeleton)."""
    return skeleton_units(text)[1]
