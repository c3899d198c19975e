"""Named people for tests: one small congress with every role, and an outsider elsewhere.

Used by the pytest fixture `world` (conftest.py) and by any app's tests. Shared test data in
one place: an owner, the people around them, and an outsider who must see nothing.
"""

from dataclasses import dataclass

from tribune.org.models import Congress, Level, Member, Office, Role
from tribune.org.services import congress_create, member_create

PASSWORD = "test-pass-123"


@dataclass
class World:
    congress: Congress
    other_congress: Congress
    city: Congress
    office: Office
    other_office: Office
    writer: Member
    writer2: Member
    office_head: Member
    leader: Member
    leader2: Member
    director: Member
    coordinator: Member
    auditor: Member
    admin: Member
    security: Member
    outsider: Member
    city_coordinator: Member
    city_director: Member

    def people(self) -> dict[str, Member]:
        return {name: getattr(self, name) for name in (
            "writer", "writer2", "office_head", "leader", "leader2", "director", "coordinator", "auditor",
            "admin", "security", "outsider")}


def build_world(chain=None) -> World:
    city = congress_create(name="石家庄市人大常委会", short_name="石家庄市", code="t-city", level=Level.CITY,
                           province="河北", city="石家庄")
    congress = congress_create(name="藁城区人大常委会", short_name="藁城区", code="t-gaocheng",
                               level=Level.COUNTY, parent=city, province="河北", city="石家庄", chain=chain)
    other = congress_create(name="栾城区人大常委会", short_name="栾城区", code="t-luancheng",
                            level=Level.COUNTY, parent=city, province="河北", city="石家庄")
    office = Office.objects.create(congress=congress, name="法制工作委员会", position=1)
    other_office = Office.objects.create(congress=congress, name="财政经济工作委员会", position=2)
    outsider_office = Office.objects.create(congress=other, name="办公室", position=1)
    city_office = Office.objects.create(congress=city, name="研究室", position=1)

    def person(username, name, roles, office=None, where=congress):
        return member_create(congress=where, username=username, name=name, password=PASSWORD, roles=roles,
                             office=office)

    leader = person("t-leader", "李分管", [Role.LEADER])
    leader2 = person("t-leader2", "王分管", [Role.LEADER])
    office.leader = leader
    office.save()
    other_office.leader = leader2
    other_office.save()
    world = World(
        congress=congress, other_congress=other, city=city, office=office, other_office=other_office,
        writer=person("t-writer", "张撰稿", [Role.WRITER], office),
        writer2=person("t-writer2", "赵撰稿", [Role.WRITER], other_office),
        office_head=person("t-head", "刘主任", [Role.OFFICE_HEAD], office),
        leader=leader, leader2=leader2,
        director=person("t-director", "陈主任", [Role.DIRECTOR]),
        coordinator=person("t-coordinator", "周专干", [Role.COORDINATOR], other_office),
        auditor=person("t-auditor", "吴审计", [Role.AUDITOR]),
        admin=person("t-admin", "郑管理", [Role.ADMIN]),
        security=person("t-security", "冯安全", [Role.SECURITY_ADMIN]),
        outsider=person("t-outsider", "孙外区", [Role.WRITER, Role.COORDINATOR, Role.DIRECTOR], outsider_office,
                        other),
        city_coordinator=person("t-city-coord", "钱市专干", [Role.COORDINATOR], city_office, city),
        city_director=person("t-city-director", "冯市主任", [Role.DIRECTOR], None, city),
    )
    # Fresh objects, so role caches are not shared between tests.
    for name, member in {**world.people(), "city_coordinator": world.city_coordinator,
                         "city_director": world.city_director}.items():
        setattr(world, name, Member.objects.select_related("congress", "office", "user").get(pk=member.pk))
    return world
