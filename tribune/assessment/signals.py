"""When one of a congress's scored facts is saved or deleted: move its FactsMarker (so a page
knows cheaply that its ledgers are out of date) and queue the recompute of those ledgers
(coalesced: many changes, one job). Not workflow: nothing is scored here. Which models are facts,
and how each finds its congress, is declared once in `scoring/registry.py`."""

from django.db.models import F
from django.db.models.signals import post_delete, post_save

from tribune.assessment.jobs import request_refresh
from tribune.assessment.models import FactsMarker
from tribune.assessment.scoring.registry import SOURCES, source_of


def facts_changed(sender, instance, **kwargs) -> None:
    congress_id = source_of(sender).congress_id(instance)
    if congress_id is None:
        return
    moved = FactsMarker.objects.filter(congress_id=congress_id).update(version=F("version") + 1)
    if not moved and "created" in kwargs:  # post_save only: during a cascade delete, create nothing
        FactsMarker.objects.get_or_create(congress_id=congress_id, defaults={"version": 1})
    if moved or "created" in kwargs:
        request_refresh(congress_id)


def connect() -> None:
    for source in SOURCES:
        label = source.model._meta.label
        post_save.connect(facts_changed, sender=source.model, dispatch_uid=f"assessment-facts-{label}")
        post_delete.connect(facts_changed, sender=source.model, dispatch_uid=f"assessment-facts-del-{label}")
