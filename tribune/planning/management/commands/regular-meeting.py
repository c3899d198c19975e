"""`tribune regular-meeting --congress gaocheng --date 2026-11-20 --format docx -o FILE`: the
regular-meeting pack of a congress for a date, as .docx or plain text."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from tribune.kit.report import render_docx
from tribune.org.models import Congress
from tribune.planning.pack import PackExporter, build_pack


class Command(BaseCommand):
    help = "Write the regular-meeting pack (全体例会) of a congress for a date."

    def add_arguments(self, parser):
        parser.add_argument("--congress", required=True, help="congress code, e.g. gaocheng")
        parser.add_argument("--date", required=True, help="YYYY-MM-DD")
        parser.add_argument("--format", choices=["docx", "text"], default="docx")
        parser.add_argument("-o", "--output", help="file to write (required for docx)")

    def handle(self, *args, congress, date, format, output=None, **options):
        found = Congress.objects.filter(code=congress).first()
        if found is None:
            raise CommandError(f"No congress with code {congress!r}.")
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise CommandError(f"Bad date {date!r}: use YYYY-MM-DD.") from None
        with translation.override("zh-hans"):
            report = PackExporter(build_pack(found, day)).report()
            if format == "docx":
                if not output:
                    raise CommandError("Give -o FILE for a .docx.")
                with open(output, "wb") as fh:
                    fh.write(render_docx(report))
                self.stdout.write(f"written {output}")
                return
            lines = [report.title, report.subtitle]
            for table in report.tables:
                lines += ["", table.caption, "\t".join(map(str, table.header))]
                lines += ["\t".join(row) for row in table.texts()]
            text = "\n".join(lines) + "\n"
            if output:
                with open(output, "w", encoding="utf-8") as fh:
                    fh.write(text)
            else:
                self.stdout.write(text)
