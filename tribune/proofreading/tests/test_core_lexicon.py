"""The lexicon as data: TSV rows to immutable entries, merging a congress's own, the allow list."""

import pytest

from tribune.proofreading.core import Entry, Lexicon, LexiconError, Proofreader, dump_tsv, parse_tsv, starter_lexicon
from tribune.proofreading.core.findings import CATEGORIES, TYPO

HEADER = "wrong\tsuggestion\tseverity\treason\tsource\tunless\tbefore\tafter\n"


def typo(wrong, right, **kw):
    return Entry(wrong, right, TYPO, kw.pop("severity", "一般"), kw.pop("reason", "理由"), **kw)


def test_a_tsv_row_becomes_an_entry_with_its_context():
    [entry] = parse_tsv(HEADER + "布署\t部署\t一般\t“布”应为“部”\t词典\t公布署|发布署\t\t\n", category=TYPO)
    assert entry == Entry("布署", "部署", TYPO, "一般", "“布”应为“部”", "词典", ("公布署", "发布署"))


def test_a_bad_row_names_its_line():
    with pytest.raises(LexiconError, match=r"x.tsv:3: 布署: unknown severity"):
        parse_tsv(HEADER + "# comment\n布署\t部署\t很严重\t理由\t\t\t\t\n", category=TYPO, origin="x.tsv")


def test_an_exception_must_contain_the_wrong_form():
    with pytest.raises(LexiconError, match="does not contain"):
        typo("布署", "部署", unless=("公布",))


def test_a_bad_context_pattern_is_refused():
    with pytest.raises(LexiconError, match="bad context pattern"):
        typo("截止", "截至", after="[0-9")


def test_export_and_import_give_the_same_entries():
    entries = [typo("布署", "部署", unless=("公布署",)), typo("截止", "截至", after="[0-9]")]
    assert parse_tsv(dump_tsv(entries)) == entries


def test_a_congress_entry_replaces_the_starter_entry_of_the_same_wrong_form():
    base = Lexicon((typo("再接再励", "再接再厉"), typo("布署", "部署")))
    merged = base.merged(entries=[typo("布署", "部署", severity="严重")], allow=["公布署名"])
    assert len(merged) == 2
    assert merged.get("布署").severity == "严重"
    assert merged.allow == ("公布署名",)
    assert base.get("布署").severity == "一般"  # the starter lexicon is untouched


def test_an_allowed_phrase_silences_a_finding_inside_it_only():
    reader = Proofreader(Lexicon((typo("再接再励", "再接再厉"),), allow=("“再接再励”牌",)))
    text = "要再接再励。商标“再接再励”牌"
    assert [f.start for f in reader.check(text)] == [1]


def test_the_starter_lexicon_has_thousands_of_typos_and_hundreds_of_expressions():
    counts = starter_lexicon().counts()
    assert counts["错别字"] >= 3000
    assert counts["规范表述"] + counts["人大用语"] >= 500
    assert set(counts) == set(CATEGORIES)


def test_every_starter_entry_says_why_and_where_the_right_wording_comes_from():
    for entry in starter_lexicon().entries:
        assert entry.reason and entry.source, entry.wrong
        assert len(entry.wrong) >= 2, entry.wrong


def test_no_starter_wrong_form_is_the_right_form_of_another_entry():
    lexicon = starter_lexicon()
    rights = {e.suggestion for e in lexicon.entries}
    assert not [e.wrong for e in lexicon.entries if e.wrong in rights]
