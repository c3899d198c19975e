"""The one task the task backend knows: run a `Job` by its id. Everything else (what the job
does, its progress) lives on the `Job` row, so the backend could be swapped (database, Redis)."""

from django_tasks import task

from tribune.jobs.runner import run


@task()
def run_job(job_id: int) -> None:
    run(job_id)
