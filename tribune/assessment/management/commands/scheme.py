"""`tribune scheme export --congress CODE --year YYYY [-o FILE]` and
`tribune scheme import --congress CODE --year YYYY FILE`: the scheme as a YAML file
(format in docs/scoring.md). An import that fails validation changes nothing and lists every
problem."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tribune.assessment.models import ScoringScheme
from tribune.assessment.scoring import scheme_format
from tribune.assessment.scoring.schemes import SchemeInvalid, scheme_import
from tribune.org.errors import ServiceError
from tribune.org.models import Congress


class Command(BaseCommand):
    help = "Export or import a congress's scoring scheme as a YAML file."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="write the scheme to a file or standard output")
        export.add_argument("--congress", required=True)
        export.add_argument("--year", required=True, type=int)
        export.add_argument("-o", "--output", help="file to write (default: standard output)")
        imp = sub.add_parser("import", help="create or replace the scheme from a file")
        imp.add_argument("--congress", required=True)
        imp.add_argument("--year", required=True, type=int)
        imp.add_argument("file", help="YAML file, or - for standard input")

    def handle(self, *args, action, congress, year, **options):
        found = Congress.objects.filter(code=congress).first()
        if found is None:
            raise CommandError(f"未找到人大常委会：{congress}")
        if action == "export":
            scheme = ScoringScheme.objects.filter(congress=found, year=year).first()
            if scheme is None:
                raise CommandError(f"{found.name}没有 {year} 年度考核细则。")
            text = scheme_format.dump(scheme.document)
            if options.get("output"):
                Path(options["output"]).write_text(text, encoding="utf-8")
                self.stdout.write(f"已导出到 {options['output']}")
            else:
                self.stdout.write(text, ending="")
            return
        name = options["file"]
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"无法读取文件 {name}：{exc}") from None
        try:
            scheme = scheme_import(member=None, congress=found, year=year, text=text, system=True)
        except SchemeInvalid as exc:
            raise CommandError("考核细则文件有误，未导入：\n" + "\n".join(f"  - {e}" for e in exc.errors)) from None
        except ServiceError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"已导入 {found.name} {year} 年度考核细则（第 {scheme.version} 版），并已重新计分。")
