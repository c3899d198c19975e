"""When one of a congress's scored facts is saved or deleted: move its FactsMarker (so a page
knows cheaply that its ledgers are out of date) and queue the recompute of those ledgers
(coalesced: many changes, one job). Not workflow: nothing is scored here."""

from django.db.models import F
from django.db.models.signals import post_delete, post_save

from tribune.assessment.jobs import request_refresh
from tribune.assessment.models import Commission, FactsMarker
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
from tribune.org.models import Office
from tribune.outlets.models import Outlet


def _congress_id(instance) -> int | None:
    if isinstance(instance, (Manuscript, Commission, Office, Outlet)):
        return instance.congress_id
    if isinstance(instance, (Submission, JointReport, Instruction, ManuscriptAuthor)):
        ids = Manuscript.objects.filter(pk=instance.manuscript_id).values_list("congress_id", flat=True)
    elif isinstance(instance, Publication):
        ids = Submission.objects.filter(pk=instance.submission_id).values_list("manuscript__congress_id", flat=True)
    else:  # MetricSnapshot, Reprint
        ids = Publication.objects.filter(pk=instance.publication_id).values_list(
            "submission__manuscript__congress_id", flat=True)
    return next(iter(ids), None)


def facts_changed(sender, instance, **kwargs) -> None:
    congress_id = _congress_id(instance)
    if congress_id is None:
        return
    moved = FactsMarker.objects.filter(congress_id=congress_id).update(version=F("version") + 1)
    if not moved and "created" in kwargs:  # post_save only: during a cascade delete, create nothing
        FactsMarker.objects.get_or_create(congress_id=congress_id, defaults={"version": 1})
    if moved or "created" in kwargs:
        request_refresh(congress_id)


def connect() -> None:
    # An outlet's level, kind and name are read by the engine too: correcting one rescores.
    for model in (Manuscript, ManuscriptAuthor, Submission, Publication, MetricSnapshot, Reprint, JointReport,
                  Instruction, Commission, Office, Outlet):
        post_save.connect(facts_changed, sender=model, dispatch_uid=f"assessment-facts-{model.__name__}")
        post_delete.connect(facts_changed, sender=model, dispatch_uid=f"assessment-facts-del-{model.__name__}")
