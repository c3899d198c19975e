"""The outlet list counts each outlet's submissions and publications (the newsroom's facts)."""

from django.urls import reverse
from django.utils import timezone

from tribune.newsroom.services import publishing, reviewing, writing
from tribune.outlets.models import Outlet


def login(client, member):
    client.force_login(member.user)
    return client


def test_the_list_groups_by_level_and_counts_submissions_and_publications(client, world):
    m = writing.manuscript_create(member=world.writer, title="执法检查", body="正文内容。")
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    hebei = Outlet.objects.get(congress=world.congress, name="河北日报")
    people = Outlet.objects.get(congress=world.congress, name="人民日报")
    publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                            outlets=[hebei, people])
    publishing.publication_record(member=world.coordinator, submission=m.submissions.get(outlet=hebei),
                                  published_on=timezone.localdate(), title="执法检查")
    response = login(client, world.writer).get(reverse("outlets:list"))
    rows = {o.name: o for o in response.context["page"].object_list}
    assert (rows["河北日报"].submission_count, rows["河北日报"].publication_count) == (1, 1)
    assert (rows["人民日报"].submission_count, rows["人民日报"].publication_count) == (1, 0)
    levels = [o.level for o in response.context["page"].object_list]
    assert levels == sorted(levels, key=["national", "provincial", "city", "county"].index)
