"""tribune backup -o DIR: the database (online) and the uploaded files, with SHA-256 checksums."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tribune.org.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder, with a manifest of checksums."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="a new (or empty) folder for the backup")

    def handle(self, *args, output, **options):
        try:
            manifest = backup(Path(output))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{output}: {manifest['engine']} database and {len(manifest['files']) - 1} files, "
                          f"checksums in manifest.json")
