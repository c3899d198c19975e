"""Which sources a page carries, and how much of each — pure Python and numpy, no Django.

The rule (issue 15): a page reprints a source when at least half of the source's characters
are found on it in runs of at least 8 characters, allowing light edits. Quoting a sentence or
two is not a reprint.

Both sides are compared as skeletons (`normalise.skeleton`: ideographs, letters and digits,
punctuation and spaces dropped), so quotes, widths and line breaks never cut a run. A source
character is *found* when one of the 8-character windows covering it occurs on the page: the
windows are the runs of at least 8 characters. A gap of at most `EDIT_GAP` characters between
found stretches is counted as found too — that is the light edit, a changed or inserted
character that breaks every window over it. The share is found characters / source characters.

Speed, in two stages, with numpy and no Python loop over characters:

1. Candidates. Every window is hashed to 64 bits (two little-endian words of four UTF-16 code
   units, multiplied and mixed). The index keeps a content-defined quarter of each source's
   window hashes (those whose top two bits are zero, so the same windows are kept on both
   sides), sorted, with windows shared by more than `MAX_SOURCES_PER_WINDOW` sources dropped
   (stock phrases such as 中国特色社会主义 say nothing about which source it is). A batch of
   pages is hashed at once; its sampled hashes go through a 2 MB bit filter, the survivors are
   looked up by binary search, and a (page, source) pair becomes a candidate when the page
   holds at least `CANDIDATE_SHARE` of the source's indexed windows.
2. Verification, exact, for candidates only: the source's windows are looked up in the page's
   sorted hashes, covered characters and edit gaps are counted, and spans are reported.

Memory: the index costs 12 bytes per indexed window (≈ 3 bytes per source character) plus
the source skeletons; a batch of pages costs about 20 bytes per page character.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from tribune.reprints.core.normalise import normalise, skeleton_units

WINDOW = 8
REPRINT_SHARE = 0.5
EDIT_GAP = 3
CANDIDATE_SHARE = 0.2
MAX_SOURCES_PER_WINDOW = 8
_SAMPLE_SHIFT = np.uint64(62)  # keep windows whose hash has its two top bits zero: a quarter
_FILTER_BITS = 24
_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xC2B2AE3D27D4EB4F)
_K3 = np.uint64(0x94D049BB133111EB)


@dataclass(frozen=True, slots=True)
class Source:
    """A published manuscript of the congress: the text a reprint would carry."""

    id: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Span:
    """A matched stretch: offsets into the source's normalised text (`SourceIndex.source_text`)
    and into the page's normalised text (`PageText.text`)."""

    source_start: int
    source_end: int
    page_start: int
    page_end: int


@dataclass(frozen=True, slots=True)
class Match:
    source_id: str
    share: float  # of the source's characters found on the page, 0..1
    spans: tuple[Span, ...]


def window_hashes(units: np.ndarray) -> np.ndarray:
    """64-bit hashes of every 8-unit window of a uint16 array (len - 7 of them)."""
    count = len(units) - WINDOW + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    buffer = np.ascontiguousarray(units, dtype="<u2")
    # Every 4-unit word, read at every 2-byte offset of the buffer, without a copy.
    words = np.ndarray(shape=(len(units) - 3,), dtype="<u8", buffer=buffer, strides=(2,))
    h = words[:count] * _K1
    h += words[4 : count + 4] * _K2
    h ^= h >> np.uint64(31)
    h *= _K3
    h ^= h >> np.uint64(29)
    return h


class SourceIndex:
    """Sources, indexed for `match_batch`. Build once per congress and reuse for every page."""

    def __init__(self, sources: Iterable[Source]):
        self.ids: list[str] = []
        self.texts: list[str] = []  # normalised title + text, what spans refer to
        self._units: list[np.ndarray] = []  # skeletons, as UTF-16 code units
        self._offsets: dict[int, np.ndarray] = {}  # of sources matched so far, for spans
        keys, owners = [], []
        for number, source in enumerate(sources):
            text = normalise(source.text)
            units, _ = skeleton_units(text)
            self.ids.append(source.id)
            self.texts.append(text)
            self._units.append(units)
            h = window_hashes(units)
            sampled = np.unique(h[(h >> _SAMPLE_SHIFT) == 0])
            keys.append(sampled)
            owners.append(np.full(len(sampled), number, dtype=np.int32))
        keys_all = np.concatenate(keys) if keys else np.empty(0, dtype=np.uint64)
        owners_all = np.concatenate(owners) if owners else np.empty(0, dtype=np.int32)
        order = np.argsort(keys_all, kind="stable")
        keys_all, owners_all = keys_all[order], owners_all[order]
        # Drop windows many sources share (stock phrases): they cannot tell sources apart.
        _, counts = np.unique(keys_all, return_counts=True)
        common = np.repeat(counts > MAX_SOURCES_PER_WINDOW, counts)
        keys_all, self._owners = keys_all[~common], owners_all[~common]
        # Distinct keys, and where each key's owners start in `_owners` (one binary search a lookup).
        self._keys, self._first = np.unique(keys_all, return_index=True)
        self._first = np.append(self._first, len(keys_all))
        self._indexed = np.bincount(self._owners, minlength=len(self.ids))
        self._filter = np.zeros(1 << (_FILTER_BITS - 3), dtype=np.uint8)
        slots = (keys_all & np.uint64((1 << _FILTER_BITS) - 1)).astype(np.int64)
        np.bitwise_or.at(self._filter, slots >> 3, (1 << (slots & 7)).astype(np.uint8))

    def __len__(self) -> int:
        return len(self.ids)

    def source_text(self, source_id: str) -> str:
        return self.texts[self.ids.index(source_id)]

    def match(self, text: str) -> list[Match]:
        """Matches of one normalised page text (`PageText.text`)."""
        return self.match_batch([text])[0]

    def match_batch(self, texts: Sequence[str]) -> list[list[Match]]:
        """Matches of each normalised page text, best share first. The whole batch is folded to
        skeletons and hashed in a few numpy passes (one UTF-32 encoding of the joined texts)."""
        results: list[list[Match]] = [[] for _ in texts]
        if not self.ids or not texts:
            return results
        text_ends = np.cumsum([len(text) for text in texts])
        units, kept_at = skeleton_units("".join(texts))
        # Page boundaries in the skeleton: how many kept characters precede each text's end.
        ends = np.searchsorted(kept_at, text_ends, side="left")
        starts = np.concatenate(([0], ends[:-1]))
        hashes = window_hashes(units)
        text_starts = text_ends - np.array([len(text) for text in texts])
        for page, source in self._candidates(hashes, starts, ends):
            page_hashes = hashes[starts[page] : max(starts[page], ends[page] - WINDOW + 1)]
            page_offsets = kept_at[starts[page] : ends[page]] - text_starts[page]
            found = self._verify(int(source), page_hashes, page_offsets)
            if found is not None:
                results[page].append(found)
        for matches in results:
            matches.sort(key=lambda m: -m.share)
        return results

    def _candidates(self, hashes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[tuple[int, int]]:
        if not len(hashes):
            return []
        lengths = ends - starts
        # The page of every window, and whether it lies inside that page (not across a join).
        page_of = np.repeat(np.arange(len(ends)), lengths)[: len(hashes)]
        inside = (np.repeat(ends, lengths)[: len(hashes)] - np.arange(len(hashes))) >= WINDOW
        positions = np.flatnonzero(((hashes >> _SAMPLE_SHIFT) == 0) & inside)
        sampled = hashes[positions]
        slots = (sampled & np.uint64((1 << _FILTER_BITS) - 1)).astype(np.int64)
        passed = (self._filter[slots >> 3] >> (slots & 7).astype(np.uint8)) & 1 == 1
        positions, sampled = positions[passed], sampled[passed]
        if not len(self._keys):
            return []
        where = np.minimum(np.searchsorted(self._keys, sampled), len(self._keys) - 1)
        hit = self._keys[where] == sampled
        if not hit.any():
            return []
        where, positions = where[hit], positions[hit]
        low = self._first[where]
        counts = self._first[where + 1] - low
        total = int(counts.sum())
        offsets = np.repeat(low - (np.cumsum(counts) - counts), counts) + np.arange(total)
        owners = self._owners[offsets].astype(np.int64)
        pages = np.repeat(page_of[positions], counts)
        pairs, hits = np.unique(pages * len(self.ids) + owners, return_counts=True)
        pair_pages, pair_sources = np.divmod(pairs, len(self.ids))
        needed = np.maximum(3, CANDIDATE_SHARE * self._indexed[pair_sources])
        keep = hits >= needed
        return list(zip(pair_pages[keep].tolist(), pair_sources[keep].tolist(), strict=True))

    def _verify(self, source: int, page_hashes: np.ndarray, page_offsets: np.ndarray) -> Match | None:
        skel = self._units[source]
        if len(skel) < WINDOW or not len(page_hashes):
            return None
        src_hashes = window_hashes(skel)
        order = np.argsort(page_hashes, kind="stable")
        sorted_page = page_hashes[order]
        where = np.minimum(np.searchsorted(sorted_page, src_hashes), len(sorted_page) - 1)
        present = sorted_page[where] == src_hashes
        # Each present window covers at most 8 characters and each gap bridged adds at most
        # EDIT_GAP: below this bound half the source cannot be reached.
        if int(present.sum()) * (WINDOW + EDIT_GAP) < REPRINT_SHARE * len(skel):
            return None
        covered = _cover(present, len(skel))
        found = _bridge(covered)
        share = float(found.sum()) / len(skel)
        if share < REPRINT_SHARE:
            return None
        page_positions = order[where]
        spans = self._spans(source, covered, present, page_positions, page_offsets)
        return Match(source_id=self.ids[source], share=round(share, 4), spans=spans)

    def _spans(self, source: int, covered, present, page_positions, page_offsets) -> tuple[Span, ...]:
        src_offsets = self._offsets.get(source)
        if src_offsets is None:
            src_offsets = self._offsets[source] = skeleton_units(self.texts[source])[1]
        spans = []
        for start, end in _runs(covered):
            windows = np.flatnonzero(present[start : max(start, end - WINDOW + 1)]) + start
            if not len(windows):
                continue
            page_start = int(page_positions[windows[0]])
            page_end = int(page_positions[windows[-1]]) + WINDOW
            if page_end > len(page_offsets) or src_offsets.size < end:
                continue
            spans.append(
                Span(
                    source_start=int(src_offsets[start]),
                    source_end=int(src_offsets[end - 1]) + 1,
                    page_start=int(page_offsets[page_start]),
                    page_end=int(page_offsets[page_end - 1]) + 1,
                )
            )
        return tuple(spans)


def _cover(present: np.ndarray, length: int) -> np.ndarray:
    """Characters covered by at least one present window."""
    delta = np.zeros(length + 1, dtype=np.int32)
    starts = np.flatnonzero(present)
    np.add.at(delta, starts, 1)
    np.add.at(delta, starts + WINDOW, -1)
    return np.cumsum(delta[:length]) > 0


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def _bridge(covered: np.ndarray) -> np.ndarray:
    """Covered characters plus gaps of at most `EDIT_GAP` characters between covered ones."""
    found = covered.copy()
    runs = _runs(covered)
    for (_, end), (start, _) in pairwise(runs):
        if start - end <= EDIT_GAP:
            found[end:start] = True
    return found
