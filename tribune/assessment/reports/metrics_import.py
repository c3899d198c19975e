"""Importing article statistics (reads, shares, likes) from a WeChat backend or media-centre export.

Two steps, so nothing is written before the coordinator has seen what will be: `metrics_import_preview`
reads the file, matches its rows to the congress's publications and returns a staged import (plain
data, kept in the session under a token); `metrics_import_confirm` writes one MetricSnapshot per
chosen row through `newsroom.services.publishing.metrics_record`, all in one transaction.

Re-importing changes nothing: a row whose publication's latest snapshot already holds the same
numbers is "unchanged" and skipped, and a file whose digest was already imported is announced.
"""

import csv
import datetime as dt
import hashlib
import io
import secrets
import zipfile

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.assessment.reports import matching
from tribune.kit import ooxml
from tribune.newsroom.models import MetricSnapshot, MetricSource, Publication
from tribune.newsroom.services import publishing
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
SESSION_KEY = "assessment_metrics_import"

COLUMN_LABELS = {"title": "标题", "reads": "阅读数", "shares": "分享数", "likes": "点赞数", "comments": "评论数",
                 "published": "发布时间", "address": "链接"}


def _sheet_message(error: matching.SheetError) -> str:
    params = error.params
    if error.code == "missing_columns":
        names = "、".join(COLUMN_LABELS.get(c, c) for c in params["columns"])
        return _("The file has no column for: %(columns)s. The first rows must hold a header such as "
                 "标题, 发布时间, 阅读数, 分享数, 点赞数, 链接.") % {"columns": names}
    if error.code == "bad_number":
        return _("Line %(line)s: “%(value)s” in the %(column)s column is not a whole number.") % {
            "line": params["line"], "value": params["value"], "column": COLUMN_LABELS.get(params["column"])}
    if error.code == "bad_date":
        return _("Line %(line)s: “%(value)s” is not a date.") % params
    return _("The file holds no article rows.")


# --- Reading the file -----------------------------------------------------------------------

def _xlsx_rows(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    damaged = ServiceError(_("The file looks like an Excel workbook but cannot be opened. Save it again as .xlsx "
                             "and retry."), field="file")
    try:
        ooxml.open_package(data, ooxml.Limits(max_file_bytes=MAX_BYTES))
    except ooxml.PackageError as exc:
        raise (damaged if exc.damaged else ServiceError(str(exc), field="file")) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, SyntaxError):
        raise damaged from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for cells in sheet.iter_rows(values_only=True):
            rows.append(list(cells))
            if len(rows) > MAX_ROWS + matching.HEADER_SEARCH_ROWS:
                break
        return rows
    except (KeyError, ValueError, TypeError, IndexError, SyntaxError):  # SyntaxError: XML ParseError
        raise damaged from None
    finally:
        workbook.close()


def _csv_rows(data: bytes) -> list[list]:
    if b"\x00" in data[:4096]:
        raise ServiceError(_("Only .xlsx workbooks and .csv files can be imported; this file is neither."),
                           field="file")
    for encoding in ("utf-8-sig", "gb18030"):  # gb18030 reads every GBK file
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ServiceError(_("The CSV file is neither UTF-8 nor GBK text."), field="file")
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))[: MAX_ROWS + 20]
    except csv.Error:
        raise ServiceError(_("The CSV file cannot be read."), field="file") from None


def read_upload(uploaded) -> tuple[list[matching.SheetRow], str]:
    """The rows of an uploaded .xlsx or .csv file and the file's SHA-256 digest."""
    if uploaded is None:
        raise ServiceError(_("Choose a file to import."), field="file")
    if uploaded.size > MAX_BYTES:
        raise ServiceError(_("The file is too large: at most 5 MB."), field="file")
    data = uploaded.read()
    if not data.strip():
        raise ServiceError(_("The file is empty."), field="file")
    digest = hashlib.sha256(data).hexdigest()
    if data[:4] == b"PK\x03\x04":
        raw = _xlsx_rows(data)
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ServiceError(_("Old Excel (.xls) files cannot be read: save the sheet as .xlsx and import that."),
                           field="file")
    else:
        raw = _csv_rows(data)
    try:
        rows = matching.read_rows(raw)
    except matching.SheetError as error:
        raise ServiceError(_sheet_message(error), field="file") from None
    if len(rows) > MAX_ROWS:
        raise ServiceError(_("The file has more than %(max)s rows: split it.") % {"max": MAX_ROWS}, field="file")
    return rows, digest


# --- Preview --------------------------------------------------------------------------------

def _publications(congress):
    return Publication.objects.filter(submission__manuscript__congress=congress, withdrawn_at__isnull=True)


def _latest_values(publication_ids) -> dict[int, dict]:
    latest: dict[int, dict] = {}
    snapshots = (MetricSnapshot.objects.filter(publication_id__in=publication_ids)
                 .order_by("publication_id", "taken_at", "id")
                 .values("publication_id", "reads", "shares", "likes", "comments"))
    for snap in snapshots:
        latest[snap.pop("publication_id")] = snap
    return latest


def _taken_at(taken_on: dt.date | None) -> dt.datetime:
    """The moment the statistics stand for: the end of the chosen day, or now for today."""
    now = timezone.now()
    if taken_on is None or taken_on >= timezone.localdate(now):
        return now.replace(microsecond=0)
    return timezone.make_aware(dt.datetime.combine(taken_on, dt.time(23, 59)))


def metrics_import_preview(*, member, congress, uploaded, taken_on: dt.date | None = None) -> dict:
    """Read and match a file; return the staged import (JSON-serializable, nothing written)."""
    access.require(access.can_import_metrics(member, congress), _("Only the coordinator imports statistics."))
    taken_at = _taken_at(taken_on)
    if taken_on is not None and taken_on > timezone.localdate():
        raise ServiceError(_("Statistics cannot be dated in the future."), field="taken_on")
    rows, digest = read_upload(uploaded)
    pubs = list(_publications(congress).values("id", "title", "published_on", "address"))
    candidates = [matching.Candidate(p["id"], p["title"], p["published_on"], p["address"]) for p in pubs]
    results = matching.match_rows(rows, candidates)
    latest = _latest_values({pid for r in results for pid in r.candidate_ids})
    staged_rows = []
    for result in results:
        row = result.row
        status = result.status
        if status == "matched" and latest.get(result.candidate_ids[0]) == row.values():
            status = "unchanged"
        staged_rows.append({
            "line": row.line, "title": row.title, "published": row.published.isoformat() if row.published else "",
            "address": row.address, **row.values(), "status": status, "how": result.how,
            "candidates": result.candidate_ids,
        })
    previously = (AuditEntry.objects.filter(congress_id=congress.pk, action="metrics.import", detail__digest=digest)
                  .order_by("-at").values_list("at", flat=True).first())
    return {
        "token": secrets.token_urlsafe(12), "digest": digest, "filename": getattr(uploaded, "name", "")[:100],
        "congress": congress.pk, "taken_at": taken_at.isoformat(), "rows": staged_rows,
        "previously": previously.isoformat() if previously else "",
    }


def stage(session, staged: dict) -> None:
    # One staged import per session: a newer upload replaces an unconfirmed older one.
    session[SESSION_KEY] = staged


def staged_for(session, token: str) -> dict | None:
    staged = session.get(SESSION_KEY)
    if not staged or not secrets.compare_digest(str(staged.get("token", "")), str(token)):
        return None
    return staged


def unstage(session) -> None:
    session.pop(SESSION_KEY, None)


def preview_context(staged: dict) -> dict:
    """The staged rows grouped by status, with their candidate publications, for the page."""
    ids = {pid for row in staged["rows"] for pid in row["candidates"]}
    pubs = {p.pk: p for p in Publication.objects.filter(pk__in=ids).select_related(
        "submission__outlet", "submission__manuscript")}
    groups = {"matched": [], "ambiguous": [], "unmatched": [], "unchanged": []}
    for row in staged["rows"]:
        groups[row["status"]].append({**row, "publications": [pubs[i] for i in row["candidates"] if i in pubs]})
    return groups


# --- Confirm --------------------------------------------------------------------------------

@transaction.atomic
def metrics_import_confirm(*, member, congress, staged: dict, picks: dict[int, int | None]) -> dict:
    """Write the snapshots of the matched rows and of the ambiguous rows the user picked a
    publication for (`picks`: line → publication id, or None to skip). All or nothing."""
    access.require(access.can_import_metrics(member, congress), _("Only the coordinator imports statistics."))
    if staged.get("congress") != congress.pk:
        raise ServiceError(_("This import belongs to another congress."))
    taken_at = dt.datetime.fromisoformat(staged["taken_at"])
    chosen: dict[int, dict] = {}
    for row in staged["rows"]:
        if row["status"] == "matched":
            chosen[row["candidates"][0]] = row
        elif row["status"] == "ambiguous":
            pick = picks.get(row["line"])
            if pick is None:
                continue
            if pick not in row["candidates"]:
                raise ServiceError(_("Line %(line)s: choose one of the proposed publications.") % {"line": row["line"]})
            chosen[pick] = row
    publications = {p.pk: p for p in _publications(congress).filter(pk__in=chosen).select_related(
        "submission__manuscript__congress")}
    latest = _latest_values(publications)
    written = unchanged = 0
    for pid, row in chosen.items():
        publication = publications.get(pid)
        if publication is None:
            raise ServiceError(_("Line %(line)s: the publication no longer exists or was withdrawn.")
                               % {"line": row["line"]})
        values = {k: row[k] for k in ("reads", "shares", "likes", "comments")}
        if latest.get(pid) == values:
            unchanged += 1
            continue
        try:
            publishing.metrics_record(member=member, publication=publication, taken_at=taken_at,
                                      source=MetricSource.IMPORT, **values)
        except ServiceError as error:
            raise ServiceError(_("Line %(line)s: %(error)s") % {"line": row["line"], "error": error.message}) from None
        written += 1
    audit_record(action="metrics.import", member=member, congress=congress,
                 detail={"digest": staged["digest"], "file": staged["filename"], "written": written,
                         "unchanged": unchanged})
    return {"written": written, "unchanged": unchanged}
