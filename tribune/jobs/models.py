"""One row per background job: what it does, for whom, and how far it has got."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


PENDING_STATES = (JobState.QUEUED, JobState.RUNNING)


class Job(models.Model):
    """A piece of background work and its progress, read by the pages that wait on it.

    `congress_id` and `requested_by_id` are plain numbers, not foreign keys: this app sits below
    every domain app and imports none of them. At most one job per `key` waits at a time (the
    partial unique constraint): a second request with the same key joins the waiting one."""

    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=120)
    params = models.JSONField(default=dict, blank=True)
    congress_id = models.BigIntegerField(null=True, blank=True)
    requested_by_id = models.BigIntegerField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    result = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["congress_id", "kind", "state"], name="job_congress_kind_state")]
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=Q(state="queued"), name="job_one_waiting_per_key"),
        ]

    def __str__(self):
        return f"{self.kind} {self.key} ({self.state})"

    @property
    def percent(self) -> int | None:
        return int(100 * self.done / self.total) if self.total else None
