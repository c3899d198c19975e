import os
import shutil
import sys

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Serve Tribune with gunicorn (a production server) and one background worker. Put it behind a "
            "reverse proxy.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("TRIBUNE_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("TRIBUNE_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("TRIBUNE_WORKERS", "3")))
        parser.add_argument("--no-worker", action="store_true",
                            help="do not start a background worker (run `tribune worker` separately)")

    def handle(self, *args, host, port, workers, no_worker, **options):
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which("gunicorn")
        if gunicorn is None:
            raise CommandError("gunicorn is not installed")
        argv = [gunicorn, "tribune.wsgi:application", "--config", "python:tribune.serving", "--bind", f"{host}:{port}",
                "--workers", str(workers), "--access-logfile", "-", "--timeout", "120",
                "--forwarded-allow-ips", "127.0.0.1"]
        if no_worker:
            os.environ["TRIBUNE_SERVE_WORKER"] = "0"
        self.stdout.write(f"Tribune: http://{host}:{port}/")
        self.stdout.flush()
        os.execv(gunicorn, argv)
