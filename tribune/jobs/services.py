"""Registering, enqueuing and running jobs; the sweeps the worker runs between jobs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from tribune.jobs.models import PENDING_STATES, Job, JobState
from tribune.jobs.runner import HANDLERS, Progress, _run, register, run

# What apps use to declare and report their jobs, from here with the rest of the API.
__all__ = ["HANDLERS", "Progress", "enqueue", "latest", "pending", "register", "register_sweep", "run",
           "run_sweeps", "run_waiting"]

logger = logging.getLogger("tribune.jobs")

@dataclass(frozen=True)
class Sweep:
    """A periodic check the worker runs (e.g. ledgers whose validity ran out), which enqueues jobs."""

    name: str
    function: Callable[[], int]
    every_seconds: int


SWEEPS: list[Sweep] = []


def register_sweep(name: str, every_seconds: int = 60):
    def decorate(function):
        SWEEPS[:] = [s for s in SWEEPS if s.name != name] + [Sweep(name, function, every_seconds)]
        return function

    return decorate


def eager() -> bool:
    return bool(getattr(settings, "TRIBUNE_JOBS_EAGER", False))


def enqueue(kind: str, *, key: str = "", params: dict | None = None, congress_id: int | None = None,
            requested_by_id: int | None = None) -> Job:
    """Ask for a job. Inside a transaction the job is queued with it: rolled back, it was never
    asked for; committed, the worker sees it. If a job with the same key is waiting, that job is
    returned instead (coalesced). Eager mode (tests) runs it at once."""
    if kind not in HANDLERS:
        raise KeyError(f"no handler registered for job kind {kind!r}")
    params = params or {}
    key = (key or kind)[:120]
    fields = {"kind": kind, "key": key, "params": params, "congress_id": congress_id,
              "requested_by_id": requested_by_id}
    if eager():
        job = Job.objects.create(**fields, state=JobState.RUNNING, started_at=timezone.now())
        _run(job, raise_errors=True)
        return job
    for _attempt in range(3):
        waiting = Job.objects.filter(key=key, state=JobState.QUEUED).first()
        if waiting is not None:
            return waiting
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves the caller's transaction usable
                job = Job.objects.create(**fields)
        except IntegrityError:
            continue  # another request queued the same key meanwhile: join it
        _dispatch(job)
        return job
    raise RuntimeError(f"could not queue job {key!r}")


def _dispatch(job: Job) -> None:
    """Hand the job to the task backend. The database backend inserts its task row in the
    caller's transaction (committed together, or not at all); any other backend (Redis) is told
    only once the transaction has committed, so a worker never looks for a job not yet visible."""
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    from tribune.jobs.tasks import run_job

    if isinstance(task_backends["default"], DatabaseBackend):
        run_job.enqueue(job.pk)
    else:
        transaction.on_commit(lambda: run_job.enqueue(job.pk))


def pending(*, kinds: tuple[str, ...], congress_ids) -> list[Job]:
    """The jobs of these kinds waiting or running for these congresses (what a page says is
    "being updated")."""
    return list(Job.objects.filter(kind__in=kinds, congress_id__in=list(congress_ids), state__in=PENDING_STATES)
                .order_by("created_at"))


def run_waiting() -> int:
    """Run every waiting job here and now, oldest first (the demo loader, so its pages open on
    complete ledgers; an operator's `tribune worker --batch` does the same through the backend)."""
    count = 0
    while (job := Job.objects.filter(state=JobState.QUEUED).order_by("created_at", "id").first()) is not None:
        run(job.pk)
        count += 1
    return count


def latest(*, kind: str, key: str) -> Job | None:
    return Job.objects.filter(kind=kind, key=key).order_by("-created_at", "-id").first()


def run_sweeps(now: float, last_run: dict[str, float]) -> None:
    """Run the sweeps that are due (the worker calls this between jobs)."""
    for sweep in SWEEPS:
        if now - last_run.get(sweep.name, 0.0) < sweep.every_seconds:
            continue
        last_run[sweep.name] = now
        try:
            queued = sweep.function()
        except Exception:
            logger.exception("sweep %s failed", sweep.name)
        else:
            if queued:
                logger.info("sweep %s queued %s job(s)", sweep.name, queued)
