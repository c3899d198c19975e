"""Demo organisation: the city of 石家庄 with three district congresses; 藁城区 in full."""

from tribune.kit.demo import DEMO_PASSWORD
from tribune.kit.plugins import demo_builders
from tribune.org.models import Level, Office, Role
from tribune.org.services import congress_create, member_create

GAOCHENG_OFFICES = [
    # (name, leader username)
    ("办公室", "leader1"),
    ("法制工作委员会", "leader1"),
    ("财政经济工作委员会", "leader2"),
    ("教育科学文化卫生工作委员会", "leader2"),
    ("农业农村工作委员会", "leader3"),
    ("代表人事选举任免联络工作委员会", "leader3"),
    ("社会建设工作委员会", "leader1"),
    ("监察和司法工作委员会", "leader2"),
]

# username, name, roles, office index (None: no office)
GAOCHENG_PEOPLE = [
    ("director", "杨建国", [Role.DIRECTOR], None),
    ("leader1", "李振华", [Role.LEADER], None),
    ("leader2", "王秀梅", [Role.LEADER], None),
    ("leader3", "赵立新", [Role.LEADER], None),
    ("coordinator", "殷晓宁", [Role.COORDINATOR], 0),
    ("head0", "郭志强", [Role.OFFICE_HEAD], 0),
    ("head1", "刘文博", [Role.OFFICE_HEAD], 1),
    ("head2", "孙丽娟", [Role.OFFICE_HEAD], 2),
    ("head3", "马红霞", [Role.OFFICE_HEAD], 3),
    ("head4", "高建军", [Role.OFFICE_HEAD], 4),
    ("head5", "胡海燕", [Role.OFFICE_HEAD], 5),
    ("head6", "林国庆", [Role.OFFICE_HEAD], 6),
    ("head7", "何晓东", [Role.OFFICE_HEAD], 7),
    ("writer0", "白俊宝", [Role.WRITER], 0),
    ("writer1", "张晓雨", [Role.WRITER], 1),
    ("writer2", "陈思远", [Role.WRITER], 2),
    ("writer3", "周佳琪", [Role.WRITER], 3),
    ("writer4", "吴梦瑶", [Role.WRITER], 4),
    ("writer5", "郑浩然", [Role.WRITER], 5),
    ("writer6", "冯雅琳", [Role.WRITER], 6),
    ("writer7", "许博文", [Role.WRITER], 7),
    ("writer8", "韩雪", [Role.WRITER], 1),
    ("writer9", "曹磊", [Role.WRITER], 2),
    ("auditor", "邓审计", [Role.AUDITOR], None),
    ("admin", "罗管理", [Role.ADMIN], None),
    ("security", "宋安全", [Role.SECURITY_ADMIN], None),
]

OTHER_DISTRICTS = [
    # code, name, short name, writer username prefix
    ("luancheng", "石家庄市栾城区人大常委会", "栾城区"),
    ("zhengding", "正定县人大常委会", "正定县"),
]
SMALL_OFFICES = ["办公室", "法制工作委员会", "财政经济工作委员会", "代表人事选举任免联络工作委员会"]


def _people(ctx, congress, offices, people):
    for username, name, roles, office_index in people:
        office = offices[office_index] if office_index is not None else None
        ctx.members[username] = member_create(congress=congress, username=username, name=name,
                                              password=DEMO_PASSWORD, roles=roles, office=office)


@demo_builders.register
def build(ctx) -> None:
    city = congress_create(name="石家庄市人大常委会", short_name="石家庄市", code="shijiazhuang",
                           level=Level.CITY, province="河北", city="石家庄",
                           chain=["leader", "director"])
    ctx.congresses["shijiazhuang"] = city
    _people(ctx, city, [], [
        ("city-director", "市人大主任", [Role.DIRECTOR], None),
        ("city-coordinator", "市人大宣传专干", [Role.COORDINATOR], None),
    ])

    gaocheng = congress_create(name="石家庄市藁城区人大常委会", short_name="藁城区", code="gaocheng",
                               level=Level.COUNTY, parent=city, province="河北", city="石家庄",
                               chain=["leader", "director"])
    ctx.congresses["gaocheng"] = gaocheng
    offices = [Office.objects.create(congress=gaocheng, name=name, position=i)
               for i, (name, _leader) in enumerate(GAOCHENG_OFFICES)]
    _people(ctx, gaocheng, offices, GAOCHENG_PEOPLE)
    for office, (_name, leader) in zip(offices, GAOCHENG_OFFICES, strict=True):
        office.leader = ctx.members[leader]
        office.minimum_monthly = 2 if office.position else 3
        office.save()
        ctx.offices[("gaocheng", office.name)] = office

    for code, name, short in OTHER_DISTRICTS:
        congress = congress_create(name=name, short_name=short, code=code, level=Level.COUNTY, parent=city,
                                   province="河北", city="石家庄", chain=["leader", "director"])
        ctx.congresses[code] = congress
        district_offices = [Office.objects.create(congress=congress, name=o, position=i, minimum_monthly=2)
                            for i, o in enumerate(SMALL_OFFICES)]
        for office in district_offices:
            ctx.offices[(code, office.name)] = office
        _people(ctx, congress, district_offices, [
            (f"director-{code}", f"{short}人大主任", [Role.DIRECTOR], None),
            (f"leader-{code}", f"{short}分管领导", [Role.LEADER], None),
            (f"coordinator-{code}", f"{short}宣传专干", [Role.COORDINATOR], 0),
            (f"writer-{code}", f"{short}信息员", [Role.WRITER], 1),
            (f"writer2-{code}", f"{short}信息员二", [Role.WRITER], 2),
            (f"writer3-{code}", f"{short}信息员三", [Role.WRITER], 3),
        ])
        for office in district_offices:
            office.leader = ctx.members[f"leader-{code}"]
            office.save()
