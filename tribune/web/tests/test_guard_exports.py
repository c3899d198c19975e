"""Guard rails over every .xlsx and .docx the project gives out: all are written by the kit's one
writer, and every one of them survives what may already be stored (control characters) and
neutralises what a spreadsheet would run (formulas).

The exports are found, not listed: every URL of the project is opened (arguments filled with real
objects, see site.py), with each `format` its view declares, and every answer that is a
spreadsheet or a Word file is checked.
"""

import io
import re
from pathlib import Path

import docx
import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tribune.kit import params
from tribune.kit.office import DOCX, XLSX
from tribune.kit.office.xlsx import FORMULA_STARTS
from tribune.web.tests.site import build_site, fill_kwargs, routes

ROOT = Path(__file__).resolve().parents[2]
# Building a workbook or a document: openpyxl's Workbook, python-docx's Document (reading with
# load_workbook is the importers' business and allowed).
WRITERS = re.compile(r"(?<!office\.)\bWorkbook\s*\(|\bDocument\s*\(|"
                     r"^\s*(?:import docx\b|from docx\b|from openpyxl import .*\bWorkbook\b)", re.M)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
POISON = "\x01=HYPERLINK(\"http://e.x\",\"点\")"  # short enough for every name column


def test_no_module_outside_the_kit_builds_a_workbook_or_a_word_document():
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[0] == "kit" or {"tests", "migrations"} & set(rel.parts):
            continue
        for match in WRITERS.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{rel}: {match.group(0).strip()}")
    assert not offenders, "write .xlsx and .docx through tribune.kit.office:\n" + "\n".join(offenders)


def test_the_writer_finder_sees_what_it_should():
    assert WRITERS.search("book = Workbook()") and WRITERS.search("from docx import Document\n")
    assert WRITERS.search("import docx\n") and not WRITERS.search("from openpyxl import load_workbook\n")
    assert not WRITERS.search("workbook = office.Workbook()")


def _poison(world, site):
    """What a form could once store, and a hostile user would: a control character and a
    formula, in every kind of name and title an export prints."""
    from tribune.deputies.models import Deputy, DeputyStory
    from tribune.newsroom.models import Manuscript
    from tribune.org.models import Member, Office
    from tribune.outlets.models import Outlet
    from tribune.planning.models import ActionItem, CoverageTask

    for office in Office.objects.filter(congress=world.congress):
        Office.objects.filter(pk=office.pk).update(name=f"{office.name}{POISON}")
    Member.objects.filter(congress=world.congress).update(name="张" + POISON)
    Manuscript.objects.filter(congress=world.congress).update(title="=1+1" + POISON, body="正文\x01第二段\x0b")
    for outlet in Outlet.objects.filter(congress=world.congress):
        Outlet.objects.filter(pk=outlet.pk).update(name=f"@SUM(A1){outlet.name}{POISON}")
    Deputy.objects.filter(congress=world.congress).update(name="+李" + POISON, phone="=13800000000",
                                                          note="-备注\x02", occupation="\t职业")
    DeputyStory.objects.filter(congress=world.congress).update(title="=故事" + POISON)
    CoverageTask.objects.update(title="-任务" + POISON)
    ActionItem.objects.update(text="=事项" + POISON)


def _formats(route) -> list[str]:
    for declaration in params.declared(route.callback):
        if "format" in declaration.params:
            return ["", *[f"format={c}" for c in declaration.params["format"].choices if c != "html"]]
    return [""]


def _check_xlsx(content: bytes) -> list[str]:
    problems = []
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    problems.append(f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}")
                elif isinstance(cell.value, str):
                    if cell.value.startswith(FORMULA_STARTS):
                        problems.append(f"{sheet.title}!{cell.coordinate} starts like a formula: {cell.value!r}")
                    if CONTROL.search(cell.value):
                        problems.append(f"{sheet.title}!{cell.coordinate} holds a control character")
    return problems


def _check_docx(content: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return ["a control character in the Word file"] if any(CONTROL.search(t) for t in texts) else []


def test_every_export_survives_control_characters_and_neutralises_formulas(world):
    site = build_site(world)
    _poison(world, site)
    client = Client(raise_request_exception=False)
    client.force_login(world.coordinator.user)
    found, problems = [], []
    for route in routes():
        kwargs, _reason = fill_kwargs(route, world.congress)
        if kwargs is None:
            continue
        for query in _formats(route):
            url = reverse(route.name, kwargs=kwargs) + (f"?{query}" if query else "")
            response = client.get(url)
            kind = response.get("Content-Type", "").split(";")[0]
            if response.status_code >= 500:
                problems.append(f"{url}: {response.status_code}")
            if kind not in (XLSX, DOCX) or response.status_code != 200:
                continue
            found.append(url)
            content = b"".join(response.streaming_content) if response.streaming else response.content
            problems += [f"{url}: {p}" for p in (_check_xlsx(content) if kind == XLSX else _check_docx(content))]
    assert not problems, "\n".join(problems)
    # The exports this guard must have reached (a failure here means the walk lost them).
    for expected in ("deputies/registry/export.xlsx", "deputies/typical/export.xlsx", "export.docx",
                     "pack.docx", "format=xlsx", "format=docx"):
        assert any(expected in url for url in found), f"no export found like {expected}: {found}"


@pytest.mark.parametrize("text", ["=1+1", "+86 138", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_the_xlsx_writer_writes_formula_starts_as_quoted_text(text):
    from tribune.kit.office import Workbook

    workbook = Workbook()
    workbook.sheet("表").append([text, 5, -5])
    sheet = load_workbook(io.BytesIO(workbook.to_bytes())).worksheets[0]
    assert sheet["A1"].data_type == "s" and sheet["A1"].value == "'" + text
    assert sheet["B1"].value == 5 and sheet["C1"].value == -5
