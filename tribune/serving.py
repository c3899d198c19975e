"""gunicorn's configuration for `tribune serve`: one background worker (`tribune worker`) is
started beside the web server and stopped with it, so the embedded default needs one command.
`tribune serve --no-worker` leaves it out, for a deployment that runs its workers separately."""

import os
import subprocess
import sys

_worker: subprocess.Popen | None = None


def on_starting(server):
    global _worker
    if os.environ.get("TRIBUNE_SERVE_WORKER", "1") == "0":
        return
    _worker = subprocess.Popen([sys.executable, "-m", "tribune.cli", "worker"])
    server.log.info("Tribune: background worker started (pid %s)", _worker.pid)


def on_exit(server):
    if _worker is not None and _worker.poll() is None:
        _worker.terminate()
        try:
            _worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            _worker.kill()
