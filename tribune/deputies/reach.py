"""How far typical cases travelled (pure: no Django): publications by outlet level, reprints
by level, and the sentence the committee writes in its reports."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tribune.outlets.vocabulary import HIGH_LEVELS, LOCAL_LEVELS


@dataclass(frozen=True)
class CaseReach:
    """One typical case: the outlet level of each live publication and of each reprint."""

    story_id: int
    publication_levels: tuple[str, ...] = ()
    reprint_levels: tuple[str, ...] = ()
    publications_by_level: dict = field(default_factory=dict, compare=False)
    reprints_by_level: dict = field(default_factory=dict, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "publications_by_level", dict(Counter(self.publication_levels)))
        object.__setattr__(self, "reprints_by_level", dict(Counter(self.reprint_levels)))

    @property
    def provincial_publications(self) -> int:
        """Publications in provincial (or national) outlets."""
        return sum(self.publications_by_level.get(level, 0) for level in HIGH_LEVELS)

    @property
    def local_reprints(self) -> int:
        """Reprints by city- or district-level outlets (their new media, mostly)."""
        return sum(self.reprints_by_level.get(level, 0) for level in LOCAL_LEVELS)


@dataclass(frozen=True)
class ReachSummary:
    cases: int
    published_provincial: int  # cases with at least one provincial-or-higher publication
    reprinted_local: int  # cases reprinted at least once by city or district outlets
    published: int  # cases with any live publication


def summarise(cases: Iterable[CaseReach]) -> ReachSummary:
    cases = list(cases)
    return ReachSummary(
        cases=len(cases),
        published_provincial=sum(1 for c in cases if c.provincial_publications),
        reprinted_local=sum(1 for c in cases if c.local_reprints),
        published=sum(1 for c in cases if c.publication_levels),
    )
