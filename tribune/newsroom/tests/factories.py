"""Manuscripts at each point of the pipeline, made through the services, for view tests."""

import io

import docx
from django.utils import timezone

from tribune.newsroom.services import publishing, reviewing, writing
from tribune.outlets.models import Outlet

TITLE = "区人大常委会开展食品安全执法检查"
BODY = "近日，区人大常委会组织开展食品安全执法检查。\n检查组深入企业和市场，听取意见建议。"


def draft(world, member=None, **kwargs):
    kwargs.setdefault("title", TITLE)
    kwargs.setdefault("body", BODY)
    return writing.manuscript_create(member=member or world.writer, **kwargs)


def submit(world, m, member=None):
    """Send an existing draft for review."""
    reviewing.manuscript_submit_for_review(member=member or world.writer, manuscript=m, version=m.version)


def in_review(world, member=None, **kwargs):
    m = draft(world, member=member, **kwargs)
    reviewing.manuscript_submit_for_review(member=member or world.writer, manuscript=m, version=m.version)
    return m


def returned(world, comment="导语再精炼一些"):
    m = in_review(world)
    reviewing.manuscript_return(member=world.leader, manuscript=m, version=m.version, comment=comment)
    return m


def approved(world, **kwargs):
    m = in_review(world, **kwargs)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    return m


def outlets(world, names=("河北日报", "藁城区融媒体中心")):
    found = list(Outlet.objects.filter(congress=world.congress, name__in=names).order_by("name"))
    assert len(found) == len(names), [o.name for o in Outlet.objects.filter(congress=world.congress)]
    return found


def submitted(world):
    m = approved(world)
    subs = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                   outlets=outlets(world))
    return m, subs


def published(world):
    m, subs = submitted(world)
    pub = publishing.publication_record(member=world.coordinator, submission=subs[0], published_on=timezone.localdate(),
                                        title=m.title, address="第1版", placement="front_page")
    m.refresh_from_db()
    return m, subs, pub


def docx_bytes(title=TITLE, paragraphs=("近日，区人大常委会组织开展食品安全执法检查。", "检查组深入企业。")) -> bytes:
    document = docx.Document()
    document.add_paragraph(title)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


def many(world, n: int, state="draft", member=None, **fields):
    """`n` bare manuscripts in one go, for query-count tests (the state is set directly: these
    rows only have to be listed, not moved through the pipeline)."""
    from tribune.newsroom.models import Manuscript, ManuscriptAuthor

    member = member or world.writer
    rows = Manuscript.objects.bulk_create(
        Manuscript(congress=world.congress, office=member.office or world.office, title=f"{TITLE}（{i}）",
                   body=BODY, created_by=member, state=state, **fields)
        for i in range(n)
    )
    ManuscriptAuthor.objects.bulk_create(ManuscriptAuthor(manuscript=m, member=member, position=1) for m in rows)
    return rows


def query_count(client, url) -> int:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # measure the uncached path (the dashboard's charts are cached)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(captured.captured_queries)
