"""`tribune remind`: deadline reminders into the inbox (and by e-mail when SMTP is set); safe to
run from cron every few minutes, nothing is sent twice."""

from django.core.management.base import BaseCommand

from tribune.planning.reminders import send_reminders


class Command(BaseCommand):
    help = "Send reminders for coverage tasks and action items due within 24 hours or overdue, once each."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what is due; write and send nothing.")

    def handle(self, *args, dry_run=False, **options):
        result = send_reminders(dry_run=dry_run)
        self.stdout.write(f"due: {result['due']}, new notifications: {result['created']}, "
                          f"e-mails: {result['emailed']}")
