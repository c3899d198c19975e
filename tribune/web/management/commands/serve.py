import os
import shutil
import sys

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve Tribune with gunicorn (a production server). Put it behind a reverse proxy."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("TRIBUNE_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("TRIBUNE_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("TRIBUNE_WORKERS", "3")))

    def handle(self, *args, host, port, workers, **options):
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which("gunicorn")
        if gunicorn is None:
            raise CommandError("gunicorn is not installed")
        argv = [gunicorn, "tribune.wsgi:application", "--bind", f"{host}:{port}", "--workers", str(workers),
                "--access-logfile", "-", "--timeout", "120", "--forwarded-allow-ips", "127.0.0.1"]
        self.stdout.write(f"Tribune: http://{host}:{port}/")
        self.stdout.flush()
        os.execv(gunicorn, argv)
