"""tribune restore DIR: verify a backup's checksums, then put its database and files back."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tribune.org.backup import BackupError, restore, verify


class Command(BaseCommand):
    help = "Restore a backup made by `tribune backup` (replaces the database and the uploaded files)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="the backup folder")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="do not ask for confirmation")

    def handle(self, *args, source, interactive=True, **options):
        try:
            manifest = verify(Path(source))
            if interactive:
                answer = input(f"Replace this installation's database and files with the backup of "
                               f"{manifest['created_at']}? Type 'yes' to go on: ")
                if answer.strip().lower() != "yes":
                    raise CommandError("Nothing was restored.")
            restore(Path(source))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored the backup of {manifest['created_at']}. Run `tribune migrate` if this "
                          f"version is newer than the backup's.")
