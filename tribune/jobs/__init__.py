"""Background jobs: work that users wait on (recomputes, scans, imports) runs here, never inside
a request.

An app registers a handler for a kind of job (`@register("ledger.refresh")`) in its `jobs.py`,
which is found at start-up; code anywhere enqueues one with `enqueue(...)`. A job is a row of
`Job` (what, for which congress, queued/running/done/failed, progress) that pages read, and a
task of Django's tasks API (the `django-tasks` backport on Django 5.2) that a worker process
(`tribune worker`) runs: the database backend by default, so the embedded SQLite install and a
PostgreSQL deployment with workers on several machines run the same code.

Jobs with the same key coalesce while one is waiting: ten fact changes in a minute make one
recompute, not ten. A job that is already running does not absorb new requests (it may have
read the old facts), so a change during a run queues one more.

With `TRIBUNE_JOBS_EAGER` (the test settings) a job runs at once, in the caller's thread.
"""
