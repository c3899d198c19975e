"""Running one job: the handlers registered for each kind, the claim that makes a job run once,
and the progress a handler reports. The task the backend runs (`tasks.run_job`) and the eager
mode of `services.enqueue` both come here; nothing here queues jobs (that is `services`)."""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable

from django.utils import timezone

from tribune.jobs.models import Job, JobState

logger = logging.getLogger("tribune.jobs")

# kind -> handler(job, **params); filled by each app's jobs.py at start-up.
HANDLERS: dict[str, Callable] = {}


def register(kind: str):
    """Decorator: the handler of a kind of job. It receives the `Job` and the job's params."""

    def decorate(function):
        HANDLERS[kind] = function
        return function

    return decorate


def run(job_id: int) -> None:
    """Run a queued job (called by the task the worker picked up). A job that is no longer
    waiting (run already, by another worker) is left alone."""
    claimed = Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(
        state=JobState.RUNNING, started_at=timezone.now())
    if claimed != 1:
        return
    _run(Job.objects.get(pk=job_id), raise_errors=False)


def _run(job: Job, *, raise_errors: bool) -> None:
    handler = HANDLERS.get(job.kind)
    try:
        if handler is None:
            raise KeyError(f"no handler registered for job kind {job.kind!r}")
        result = handler(job, **job.params)
    except Exception as exc:
        if (progress := getattr(job, "_progress", None)) is not None:
            progress.flush()
        Job.objects.filter(pk=job.pk).update(state=JobState.FAILED, finished_at=timezone.now(),
                                             error="".join(traceback.format_exception(exc))[-4000:],
                                             message=str(exc)[:300])
        logger.exception("job %s (%s) failed", job.pk, job.key)
        if raise_errors:
            raise
        return
    Job.objects.filter(pk=job.pk).update(state=JobState.DONE, finished_at=timezone.now(),
                                         result=result if isinstance(result, dict) else {})


class Progress:
    """What a handler reports as it goes: done of total, and a line for the user. Written at
    most once a second (and at the end), each in its own short statement."""

    def __init__(self, job: Job, total: int = 0):
        self.job, self.total, self.done, self._written, self._message = job, total, 0, 0.0, ""
        job._progress = self  # so a failure records how far the job got
        self._write("")

    def step(self, message: str = "", n: int = 1) -> None:
        self.done += n
        self._message = message
        if time.monotonic() - self._written >= 1 or self.done >= self.total:
            self._write(message)

    def flush(self) -> None:
        self._write(self._message)

    def _write(self, message: str) -> None:
        self._written = time.monotonic()
        Job.objects.filter(pk=self.job.pk).update(done=self.done, total=self.total, message=message[:300])
