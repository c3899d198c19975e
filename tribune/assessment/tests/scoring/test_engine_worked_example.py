"""The worked example of docs/scoring.md, computed by the engine from the scheme block in the doc."""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from tribune.assessment.scoring import engine as e
from tribune.assessment.scoring import scheme_format

from .engine_helpers import D

DOC = Path(__file__).resolve().parents[4] / "docs" / "scoring.md"


def example_scheme() -> e.Scheme:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- worked-example-scheme -->\s*```yaml\n(.*?)```", text, re.S).group(1)
    return scheme_format.to_scheme(scheme_format.parse(block))


def example_facts() -> e.Facts:
    zhang, li = e.Author(1, "张三", 1, Decimal(50)), e.Author(2, "李四", 2, Decimal(50))
    a = e.Manuscript(1, 1, "藁城区人大常委会开展食品安全执法检查", 1200, (zhang, li))
    b = e.Manuscript(2, 1, "法工委召开立法调研座谈会", 300, (li,))
    return e.Facts(
        year=2026, as_of=date(2026, 4, 1),
        offices=(e.Office(1, "法工委", 1),),
        manuscripts=(a, b),
        submissions=(
            e.Submission(1, 1, "河北日报", "provincial", "newspaper", date(2026, 3, 2)),
            e.Submission(2, 1, "石家庄日报", "city", "newspaper", date(2026, 3, 2)),
            e.Submission(3, 2, "藁城融媒", "county", "wechat", date(2026, 3, 15)),
        ),
        publications=(
            e.Publication(11, 2, 1, "石家庄日报", "city", "newspaper", date(2026, 3, 5), placement="front_page"),
            e.Publication(12, 1, 1, "河北日报", "provincial", "newspaper", date(2026, 3, 10), placement="headline"),
            e.Publication(13, 3, 2, "藁城融媒", "county", "wechat", date(2026, 3, 16), combined=True,
                          withdrawn_on=date(2026, 3, 18), withdrawn_for_error=True),
        ),
        metrics=(
            e.Metric(1, 12, date(2026, 3, 12), reads=3000, shares=100),
            e.Metric(2, 12, date(2026, 3, 20), reads=12500, shares=600),
        ),
        reprints=(e.Reprint(1, 12, "人民网", "national", date(2026, 3, 12)),),
        instructions=(e.Instruction(1, 1, "市委书记", "city", date(2026, 3, 25)),),
        commissions=(e.Commission(1, 1, "人大代表履职风采", date(2026, 3, 20)),),
    )


def test_the_worked_example_gives_the_totals_of_the_doc():
    entries = e.score(example_facts(), example_scheme())
    assert e.totals(entries, e.MEMBER) == {1: D("27.6"), 2: D("9.4")}
    assert e.totals(entries, e.OFFICE) == {1: D(28)}


def test_the_worked_example_gives_the_lines_of_the_doc():
    entries = e.score(example_facts(), example_scheme())
    office = [(x.period.strftime("%m-%d"), x.rule, x.points) for x in entries if x.subject_kind == e.OFFICE]
    assert office == [
        ("01-31", "deduction_minimum", D(-2)),
        ("02-28", "deduction_minimum", D(-2)),
        ("03-02", "submission", D(1)),
        ("03-02", "submission", D(1)),
        ("03-05", "publication", D(15)),
        ("03-10", "publication", D(5)),
        ("03-12", "reprint", D(10)),
        ("03-15", "submission", D(1)),
        ("03-16", "publication", D(1)),
        ("03-18", "withdrawal_reversal", D(-1)),
        ("03-18", "deduction_withdrawn", D(-10)),
        ("03-20", "metrics", D(9)),
        ("03-20", "deduction_commission", D(-5)),
        ("03-25", "instruction", D(5)),
    ]
    zhang = [x.points for x in entries if x.member_id == 1]
    assert zhang == [D("0.6"), D("0.6"), D(9), D(3), D(6), D("5.4"), D(3)]


def test_every_entry_says_why_in_one_line_of_chinese():
    entries = e.score(example_facts(), example_scheme())
    line = next(x for x in entries if x.rule == "publication" and x.member_id == 1 and x.publication_id == 11)
    assert line.explanation == (
        "《藁城区人大常委会开展食品安全执法检查》在石家庄日报（市级）刊发，头版：市级报纸 8 分，"
        "1000 字以上 +2，头版 ×1.5，+15 分；张三按3:2分配 60%，+9 分"
    )
    assert all("\n" not in x.explanation and x.explanation.endswith("分") for x in entries)
