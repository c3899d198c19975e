"""`tribune ranking --congress gaocheng --quarter 2026-Q3 --format xlsx -o ranking.xlsx`: the quarterly ranking."""

from django.core.management.base import BaseCommand, CommandError

from tribune.assessment.management.commands._reports import add_common_arguments, congress_of, write
from tribune.assessment.reports.ranking import RankingExporter
from tribune.assessment.scoring.periods import Quarter


class Command(BaseCommand):
    help = "Write a congress's quarterly ranking (季排名) of offices and individuals as .xlsx, .docx or .html."

    def add_arguments(self, parser):
        add_common_arguments(parser)
        parser.add_argument("--quarter", required=True, help="YYYY-QN, e.g. 2026-Q3")

    def handle(self, *args, congress, quarter, format, output, districts, **options):
        try:
            quarter = Quarter.parse(quarter)
        except ValueError:
            raise CommandError(f"--quarter must look like 2026-Q3, not {quarter!r}") from None
        congress = congress_of(congress)
        if districts and not congress.children.exists():
            raise CommandError(f"{congress.code} has no districts to rank")
        write(self, lambda: RankingExporter(congress, quarter, upward=districts).report(), format, output)
