"""After approval: corrections keep what they changed, metrics and reprints recorded once,
instructions and joint reports by the right people."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tribune.newsroom.services import publishing, reviewing
from tribune.newsroom.tests.factories import draft, submit
from tribune.org.errors import ServiceError
from tribune.outlets.models import Outlet


def published(world):
    m = draft(world)
    submit(world, m)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    outlet = Outlet.objects.get(congress=world.congress, name="河北日报")
    (sub,) = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                     outlets=[outlet])
    return publishing.publication_record(member=world.coordinator, submission=sub,
                                         published_on=timezone.localdate(), title=m.title, address="第2版")


def test_a_correction_keeps_the_old_values_and_its_reason(world):
    pub = published(world)
    with pytest.raises(ServiceError):
        publishing.publication_correct(member=world.coordinator, publication=pub, version=pub.version, reason="",
                                       published_on=pub.published_on, title="新标题")
    publishing.publication_correct(member=world.coordinator, publication=pub, version=pub.version,
                                   reason="版面号更正", published_on=pub.published_on, title=pub.title,
                                   address="第1版", placement="front_page")
    change = pub.changes.get()
    assert (change.before["address"], change.after["address"], change.reason) == ("第2版", "第1版", "版面号更正")


def test_a_stale_correction_is_refused(world):
    pub = published(world)
    old = pub.version
    publishing.publication_correct(member=world.coordinator, publication=pub, version=old, reason="a",
                                   published_on=pub.published_on, title="甲")
    with pytest.raises(ServiceError):
        publishing.publication_correct(member=world.coordinator, publication=pub, version=old, reason="b",
                                       published_on=pub.published_on, title="乙")
    pub.refresh_from_db()
    assert pub.title == "甲"


def test_metrics_must_be_whole_non_negative_numbers(world):
    pub = published(world)
    for bad in (-1, 1.5, "12", True):
        with pytest.raises(ServiceError):
            publishing.metrics_record(member=world.coordinator, publication=pub, reads=bad)
    with pytest.raises(ServiceError):
        publishing.metrics_record(member=world.coordinator, publication=pub, reads=10,
                                  taken_at=timezone.now() + dt.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        publishing.metrics_record(member=world.writer, publication=pub, reads=10)
    assert not pub.metrics.exists()


def test_a_reprint_is_recorded_once_per_address(world):
    pub = published(world)
    publishing.reprint_record(member=world.coordinator, publication=pub, outlet_name="石家庄新闻网", level="city",
                              reprinted_on=timezone.localdate(), address="https://news.example.invalid/1")
    with pytest.raises(ServiceError):
        publishing.reprint_record(member=world.coordinator, publication=pub, outlet_name="石家庄新闻网",
                                  level="city", reprinted_on=timezone.localdate(),
                                  address="https://news.example.invalid/1")
    with pytest.raises(ServiceError):
        publishing.reprint_record(member=world.coordinator, publication=pub, outlet_name="某网", level="galaxy",
                                  reprinted_on=timezone.localdate())
    assert pub.reprints.count() == 1


def test_instructions_and_joint_reports_are_recorded_by_the_right_people(world):
    pub = published(world)
    m = pub.submission.manuscript
    with pytest.raises(PermissionDenied):
        publishing.instruction_record(member=world.writer, manuscript=m, leader_name="区委书记", level="county",
                                      given_on=timezone.localdate())
    publishing.instruction_record(member=world.director, manuscript=m, leader_name="区委书记", level="county",
                                  given_on=timezone.localdate(), content="很好，值得推广")
    publishing.joint_report_record(member=world.coordinator, manuscript=m, outlet=pub.submission.outlet)
    with pytest.raises(ServiceError):
        publishing.joint_report_record(member=world.coordinator, manuscript=m, outlet=pub.submission.outlet)
    assert m.instructions.count() == 1


def test_the_same_numbers_sent_twice_are_recorded_once(world):
    pub = published(world)
    publishing.metrics_record(member=world.coordinator, publication=pub, reads=500, shares=5)
    with pytest.raises(ServiceError):
        publishing.metrics_record(member=world.coordinator, publication=pub, reads=500, shares=5)
    publishing.metrics_record(member=world.coordinator, publication=pub, reads=650, shares=7)
    assert pub.metrics.count() == 2
