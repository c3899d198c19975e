"""`tribune score recompute --congress CODE --year YYYY [--dry-run]`: rebuild a year's ledger.

Idempotent and safe from cron. Also rebuilds, for a city, each district's ledger under the
city's scheme (upward ranking) when `--children` is given; with `--descendants`, every congress
below (a province's cities and their counties), e.g. nightly where a province ranks counties."""

from django.core.management.base import BaseCommand, CommandError

from tribune.assessment.models import ScoringScheme
from tribune.assessment.scoring.ledger import score_recompute
from tribune.org.errors import ServiceError
from tribune.org.models import Congress


class Command(BaseCommand):
    help = "Recompute the score ledger of a congress's year from its facts and scheme."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        recompute = sub.add_parser("recompute", help="rebuild the ledger")
        recompute.add_argument("--congress", required=True, help="congress code, e.g. gaocheng")
        recompute.add_argument("--year", required=True, type=int)
        recompute.add_argument("--dry-run", action="store_true", help="compute and report, write nothing")
        recompute.add_argument("--children", action="store_true",
                               help="also score each child congress under this congress's scheme")
        recompute.add_argument("--descendants", action="store_true",
                               help="also score every congress below (children, their children …) under this "
                                    "congress's scheme")

    def handle(self, *args, action, congress, year, dry_run, children, descendants, **options):
        found = Congress.objects.filter(code=congress).first()
        if found is None:
            raise CommandError(f"未找到人大常委会：{congress}")
        targets = [found]
        level = [found] if children or descendants else []
        while level:  # one generation at a time, each in code order
            level = list(Congress.objects.filter(parent__in=level).order_by("code"))
            targets += level
            if not descendants:
                break
        scheme = ScoringScheme.objects.filter(congress=found, year=year).first()
        for target in targets:
            try:
                result = score_recompute(congress=target, year=year, scheme=scheme, dry_run=dry_run)
            except ServiceError as exc:
                raise CommandError(exc.message) from None
            points = sum(e.points for e in result.entries if e.subject_kind == "office")
            verb = "将写入" if dry_run else "已写入"
            self.stdout.write(f"{target.code} {year}：{verb} {len(result.entries)} 条计分明细"
                              f"（原有 {result.removed} 条），委室合计 {points} 分")
