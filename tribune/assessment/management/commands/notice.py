"""`tribune notice --congress gaocheng --month 2026-10 --format docx -o notice.docx`: the monthly notice."""

from django.core.management.base import BaseCommand, CommandError

from tribune.assessment.management.commands._reports import add_common_arguments, congress_of, write
from tribune.assessment.reports import notice as notices
from tribune.assessment.reports.notice import NoticeExporter
from tribune.assessment.scoring.periods import Month


class Command(BaseCommand):
    help = "Write a congress's monthly notice (月通报) as .docx, .xlsx or .html."

    def add_arguments(self, parser):
        add_common_arguments(parser)
        parser.add_argument("--month", required=True, help="YYYY-MM")

    def handle(self, *args, congress, month, format, output, districts, **options):
        try:
            month = Month.parse(month)
        except ValueError:
            raise CommandError(f"--month must look like 2026-10, not {month!r}") from None
        congress = congress_of(congress)
        if districts and not congress.children.exists():
            raise CommandError(f"{congress.code} has no districts to rank")
        focus = "" if districts else notices.focus_for(congress, month)
        write(self, lambda: NoticeExporter(congress, month, upward=districts, focus=focus).report(), format, output)
