"""The dashboard's charts are cached per congress, and a new fact shows at once."""

from django.utils import timezone

from tribune.assessment import dashboard
from tribune.newsroom.services import publishing, reviewing, writing
from tribune.outlets.models import Outlet


def test_a_new_publication_shows_in_the_cached_charts_at_once(world, django_assert_max_num_queries):
    before = dashboard.charts(world.congress)
    with django_assert_max_num_queries(2):
        assert dashboard.charts(world.congress) == before  # served from the cache
    m = writing.manuscript_create(member=world.writer, title="代表视察", body="正文。")
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    outlet = Outlet.objects.get(congress=world.congress, name="河北日报")
    (sub,) = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                     outlets=[outlet])
    publishing.publication_record(member=world.coordinator, submission=sub, published_on=timezone.localdate(),
                                  title=m.title)
    after = dashboard.charts(world.congress)
    assert sum(after["activity"]["submitted"]) == sum(before["activity"]["submitted"]) + 1
    assert sum(sum(level["data"]) for level in after["activity"]["levels"]) == 1
