"""`tribune worker`: run background jobs (recomputes, scans, imports) and the periodic sweeps.

`tribune serve` starts one beside the web server; a larger deployment runs several, on one or
more machines sharing the PostgreSQL database (each claims a job with SELECT … FOR UPDATE SKIP
LOCKED, so none runs twice). `--batch` runs what is waiting and exits (cron, tests)."""

import threading
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from tribune.jobs.services import run_sweeps


class Command(BaseCommand):
    help = "Run Tribune's background jobs (and the sweeps that queue them) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="run the sweeps once and every waiting job, "
                                                                  "then exit")
        parser.add_argument("--interval", type=float, default=1.0,
                            help="seconds between looks at the queue when it is empty (default 1)")
        parser.add_argument("--sweep-interval", type=float, default=15.0,
                            help="seconds between looks for due sweeps (default 15)")

    def handle(self, *args, batch, interval, sweep_interval, verbosity, **options):
        last_run: dict[str, float] = {}
        run_sweeps(time.monotonic(), last_run)
        close_old_connections()
        if not batch:
            threading.Thread(target=_sweeper, args=(sweep_interval, last_run), daemon=True,
                             name="tribune-sweeps").start()
        worker = Worker(queue_names=["default"], interval=interval, batch=batch, backend_name="default",
                        startup_delay=not batch, max_tasks=None, worker_id=get_random_string(32),
                        excluded_queue_names=[])
        if verbosity:
            self.stdout.write("Tribune worker: waiting for jobs" + (" (batch)" if batch else ""))
        worker.configure_signals()
        worker.run()


def _sweeper(every: float, last_run: dict[str, float]) -> None:
    """Between jobs, in its own thread (and database connection): queue what the sweeps find."""
    while True:
        time.sleep(every)
        run_sweeps(time.monotonic(), last_run)
        close_old_connections()
