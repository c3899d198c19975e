"""The inbox: a member's own notifications, read and marked read."""

from django.urls import reverse

from tribune.org.models import Notification
from tribune.org.testing import PASSWORD


def test_the_inbox_shows_only_my_notifications_and_cannot_mark_others(world, client):
    mine = Notification.objects.create(member=world.writer, kind="assigned", text="我的通知")
    theirs = Notification.objects.create(member=world.writer2, kind="assigned", text="别人的通知")
    assert client.login(username="t-writer", password=PASSWORD)
    html = client.get(reverse("org:inbox")).content.decode()
    assert "我的通知" in html and "别人的通知" not in html
    assert client.post(reverse("org:inbox_read"), {"id": theirs.pk}).status_code == 404
    client.post(reverse("org:inbox_read"), {"id": mine.pk})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None and theirs.read_at is None
