"""Every state change of a manuscript is in the audit log, which cannot be changed."""

import pytest

from tribune.newsroom.tests.factories import published
from tribune.org.models import AuditEntry


def test_every_state_change_is_in_the_audit_log(world):
    _m, _subs, pub = published(world)
    actions = set(AuditEntry.objects.filter(congress_id=world.congress.pk).values_list("action", flat=True))
    assert {"manuscript.create", "manuscript.submit_for_review", "manuscript.approve",
            "manuscript.submit_to_outlets", "publication.record"} <= actions
    entry = AuditEntry.objects.filter(action="publication.record").get()
    assert entry.username == "t-coordinator" and entry.object_id == str(pub.pk)


def test_the_audit_log_cannot_be_changed(world):
    entry = AuditEntry.objects.first()
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(action="x")
