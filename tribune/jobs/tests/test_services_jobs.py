"""Queueing, coalescing, running and reporting jobs (with the database task backend, as in
production; eager mode is what every other test uses)."""

import pytest
from django_tasks_db.models import DBTaskResult

from tribune.jobs import services
from tribune.jobs.models import Job, JobState

calls = []


@services.register("test.echo")
def echo(job, *, word: str, fail: bool = False):
    progress = services.Progress(job, total=2)
    progress.step("一半")
    if fail:
        raise ValueError("坏了")
    progress.step("完成")
    calls.append(word)
    return {"word": word}


@pytest.fixture
def queued(settings):
    settings.TRIBUNE_JOBS_EAGER = False
    calls.clear()


def test_a_job_is_queued_with_its_task_and_run_by_id(db, queued):
    job = services.enqueue("test.echo", key="echo:1", params={"word": "甲"}, congress_id=7)
    assert job.state == JobState.QUEUED and not calls
    assert DBTaskResult.objects.count() == 1  # the task row, in the same transaction
    services.run(job.pk)
    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.message, job.result) == (JobState.DONE, 2, 2, "完成", {"word": "甲"})
    assert calls == ["甲"] and job.started_at <= job.finished_at


def test_requests_with_the_same_key_join_the_waiting_job(db, queued):
    first = services.enqueue("test.echo", key="echo:1", params={"word": "甲"})
    second = services.enqueue("test.echo", key="echo:1", params={"word": "甲"})
    assert first.pk == second.pk and Job.objects.count() == 1 and DBTaskResult.objects.count() == 1


def test_a_request_while_the_job_runs_queues_one_more(db, queued):
    first = services.enqueue("test.echo", key="echo:1", params={"word": "甲"})
    Job.objects.filter(pk=first.pk).update(state=JobState.RUNNING)  # a worker took it
    second = services.enqueue("test.echo", key="echo:1", params={"word": "甲"})
    assert second.pk != first.pk and second.state == JobState.QUEUED


def test_a_job_runs_once_however_often_its_task_is_delivered(db, queued):
    job = services.enqueue("test.echo", key="echo:1", params={"word": "甲"})
    services.run(job.pk)
    services.run(job.pk)
    assert calls == ["甲"]


def test_a_failing_job_is_marked_failed_with_its_error_and_the_worker_goes_on(db, queued):
    job = services.enqueue("test.echo", key="echo:2", params={"word": "乙", "fail": True})
    services.run(job.pk)  # does not raise: the worker goes on with the next job
    job.refresh_from_db()
    assert job.state == JobState.FAILED and job.message == "坏了" and "ValueError" in job.error
    assert (job.done, job.total) == (1, 2)


def test_an_unknown_kind_is_refused_when_asked_for(db, queued):
    with pytest.raises(KeyError):
        services.enqueue("test.nothing")


def test_eager_mode_runs_the_job_at_once_and_raises_its_error(db, settings):
    settings.TRIBUNE_JOBS_EAGER = True
    calls.clear()
    job = services.enqueue("test.echo", key="echo:3", params={"word": "丙"})
    assert calls == ["丙"] and Job.objects.get(pk=job.pk).state == JobState.DONE
    with pytest.raises(ValueError):
        services.enqueue("test.echo", key="echo:4", params={"word": "丁", "fail": True})


def test_pages_find_the_pending_jobs_of_a_congress(db, queued):
    services.enqueue("test.echo", key="echo:5", params={"word": "戊"}, congress_id=5)
    services.enqueue("test.echo", key="echo:6", params={"word": "己"}, congress_id=6)
    assert [j.key for j in services.pending(kinds=("test.echo",), congress_ids=[5])] == ["echo:5"]
    services.run_waiting()
    assert services.pending(kinds=("test.echo",), congress_ids=[5, 6]) == []


def test_sweeps_run_when_due(db, queued):
    seen = []
    services.register_sweep("test.sweep", every_seconds=60)(lambda: seen.append(1) or 0)
    try:
        last = {}
        services.run_sweeps(1000.0, last)
        services.run_sweeps(1030.0, last)
        services.run_sweeps(1061.0, last)
        assert len(seen) == 2
    finally:
        services.SWEEPS[:] = [s for s in services.SWEEPS if s.name != "test.sweep"]
