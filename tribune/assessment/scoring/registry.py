"""The facts scoring reads, declared once.

Each `Source` is a model that `loading.load_facts` reads, with the lookup from that model to its
congress and the figures — beyond the count of rows and the latest id — whose change must move
the congress's fingerprint (an edit that adds or removes no row: a correction, a withdrawal, a
new share). Everything else is derived from this one declaration:

- the signal connections (`assessment/signals.py`): saving or deleting a row of any source moves
  its congress's `FactsMarker` and queues the recompute of the ledgers scoring that congress;
- the fingerprint (`fingerprint.py`): one grouped aggregate per source, all in one query;
- the coverage guard (`tests/scoring/test_registry.py`): `load_facts` reads no table that is not
  a source, and every source is read.

Adding a kind of fact: read it in `load_facts`, declare it here. Nothing else to edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models import F, Max, Sum
from django.db.models.functions import Coalesce

from tribune.assessment.models import Commission
from tribune.newsroom.models import (
    Instruction,
    JointReport,
    Manuscript,
    ManuscriptAuthor,
    MetricSnapshot,
    Publication,
    Reprint,
    Submission,
)
from tribune.org.models import Member, Office
from tribune.outlets.models import Outlet


@dataclass(frozen=True)
class Source:
    """A model whose rows are facts of one congress."""

    model: type[models.Model]
    congress: str  # the lookup from the model to its Congress, e.g. "submission__manuscript__congress"
    watch: tuple = ()  # aggregates that move when a row is edited in place (counts and ids do not)

    def congress_id(self, instance) -> int | None:
        """The congress of one row, also after the row was deleted: the first step of the lookup
        is read from the row itself, the rest from the database (a cascade deletes the rows
        that refer to a manuscript before the manuscript, so the chain is still there)."""
        first, _sep, rest = self.congress.partition("__")
        field = self.model._meta.get_field(first)
        value = getattr(instance, field.attname)
        if not rest or value is None:
            return value
        return (field.related_model._base_manager.filter(pk=value)
                .values_list(rest, flat=True).first())

    def rows_of(self, congress_ids):
        return self.model._base_manager.filter(**{f"{self.congress}__in": list(congress_ids)})


SOURCES: tuple[Source, ...] = (
    # Title, body (its length), office and creator; every edit moves `updated_at`.
    Source(Manuscript, "congress", (Max("updated_at"),)),
    # Who wrote it, in which order, with which share.
    Source(ManuscriptAuthor, "manuscript__congress", (Sum("share"),)),
    Source(Submission, "manuscript__congress"),
    # A correction or a withdrawal bumps the publication's version.
    Source(Publication, "submission__manuscript__congress", (Sum("version"),)),
    Source(MetricSnapshot, "publication__submission__manuscript__congress"),
    Source(Reprint, "publication__submission__manuscript__congress"),
    Source(JointReport, "manuscript__congress"),
    Source(Instruction, "manuscript__congress"),
    # Delivered (and when), to which office, as which manuscript.
    Source(Commission, "congress", (Sum(F("office_id") + Coalesce("manuscript_id", 0)), Max("delivered_on"))),
    # An office's monthly minimum; its name is read too.
    Source(Office, "congress", (Sum("minimum_monthly"),)),
    # An outlet's level, kind and name; every edit moves `updated_at`.
    Source(Outlet, "congress", (Max("updated_at"),)),
    # The names of authors and creators, in the entries' explanations.
    Source(Member, "congress"),
)

_BY_MODEL = {source.model: source for source in SOURCES}


def source_of(model) -> Source | None:
    return _BY_MODEL.get(model)
