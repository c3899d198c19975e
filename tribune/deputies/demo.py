"""Demo data of the deputies' work in 藁城区: about sixty deputies in town deputy groups, forty
stories at every stage, typical cases published and reprinted at different levels (two of them
the source article's), and many deputies never featured. Built through the services, then
backdated with queryset updates. Deterministic: ctx.rng and ctx.today only."""

import datetime as dt

from django.db.models import Min, Q

from tribune.deputies import services
from tribune.deputies.importing import id_check_digit
from tribune.deputies.models import DeputyStory, StoryManuscript, TypicalCase
from tribune.kit.plugins import demo_builders
from tribune.newsroom.models import Manuscript, Publication, Reprint, Review, ReviewRequest
from tribune.newsroom.services import reviewing, writing
from tribune.outlets.models import Outlet
from tribune.planning.models import Activity, ActivityKind

GROUPS = ["廉州镇代表小组", "兴安镇代表小组", "贾市庄镇代表小组", "南营镇代表小组", "梅花镇代表小组",
          "岗上镇代表小组", "南董镇代表小组", "张家庄镇代表小组", "增村镇代表小组", "九门回族乡代表小组"]
TOWNS = [g.removesuffix("代表小组") for g in GROUPS]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘蔡蒋"
GIVEN = ["建华", "秀英", "志刚", "丽娜", "国强", "海燕", "立新", "淑敏", "振江", "文静", "红梅", "保国", "晓东",
         "春生", "玉兰", "建军", "桂芝", "永利", "雪梅", "占国", "新民", "彦军", "敏", "磊", "亚楠", "金锁", "凤霞",
         "宏伟", "艳红", "书杰"]

OCCUPATIONS = {
    "medicine": ["石家庄以岭药业股份有限公司质量总监", "藁城区人民医院副院长", "{town}卫生院院长", "{town}乡村医生",
                 "藁城区中医院主任医师"],
    "construction": ["河北建设集团项目经理", "藁城区建筑工程有限公司总经理", "{town}建筑队负责人",
                     "市政工程公司总工程师"],
    "agriculture": ["{town}宫面专业合作社理事长", "{town}梨果种植专业合作社理事长", "{town}家庭农场主",
                    "{town}农机服务队队长"],
    "education": ["藁城区第一中学校长", "{town}中心小学教师", "{town}中学副校长", "藁城区职教中心教师"],
    "enterprise": ["{town}纺织有限公司董事长", "{town}机械制造有限公司总经理", "{town}食品有限公司总经理",
                   "{town}物流公司负责人"],
    "community": ["{town}东街村党支部书记", "{town}西村村委会主任", "廉州镇北街社区居委会主任", "{town}南村妇联主席"],
}
SECTOR_MIX = ["medicine"] * 9 + ["construction"] * 9 + ["agriculture"] * 12 + ["education"] * 9 + \
             ["enterprise"] * 10 + ["community"] * 11

COUNTY_TERM = ("第十届", dt.date(2021, 12, 20))
CITY_TERM = ("第十五届", dt.date(2022, 1, 8))
PROVINCE_TERM = ("第十四届", dt.date(2023, 1, 12))

# Typical cases: (title, sector of the deputy, kind, days ago it happened, publications as
# (outlet name, days after), reprints as (who, level, days after publication), reason, summary).
TYPICAL = [
    ("在履职路上书写医药人的担当", "medicine", "suggestion", 300,
     [("《公民与法治》杂志", 30), ("藁城区融媒体中心", 12)],
     [("石家庄人大微信公众号", "city", 2), ("藁城发布", "county", 1)],
     "医药界代表立足岗位履职，建议推动基层药品保障，群众获得感强",
     "{name}代表深入基层卫生院和村卫生室调研，围绕基层药品供应保障提出建议，推动建立区域药品配送联动机制，"
     "群众在家门口就能买到常用药。"),
    ("专业为砖 履职为瓦：建设者代表的初心与匠心", "construction", "inspection", 240,
     [("燕赵人民代表网", 25)],
     [("石家庄新闻网", "city", 3), ("藁城区人大微信公众号", "county", 1), ("藁城发布", "county", 2)],
     "建设者代表把专业优势转化为履职效能，事迹生动",
     "{name}代表带领代表小组视察在建民生工程，用专业眼光查找质量安全隐患，提出的意见被有关部门采纳整改。"),
    ("宫面飘香：代表领着乡亲奔富路", "agriculture", "suggestion", 150,
     [("石家庄日报", 20)], [("藁城发布", "county", 1)],
     "农业代表带动特色产业发展，体现代表为民",
     "{name}代表牵头成立宫面专业合作社，建议扶持特色农产品品牌建设，带动周边农户增收。"),
    ("调解室里的“老娘舅”", "community", "dispute", 120,
     [("藁城区融媒体中心", 10)], [("藁城区人大微信公众号", "county", 1)],
     "社区代表常年化解邻里矛盾，群众口碑好",
     "{name}代表常年在村里调解邻里纠纷，今年以来化解土地、宅基地等矛盾十余起。"),
    ("一份建议让校门口不再拥堵", "education", "suggestion", 70,
     [("藁城区人大微信公众号", 14)], [],
     "代表建议办理成效看得见",
     "{name}代表走访中发现学校门口上下学时段交通拥堵，提出增设临时停车区和护学岗的建议，已办理落实。"),
    ("代表联络站里的“接待日”", "enterprise", "reception", 25, [], [],
     "企业家代表定期进站接待群众，可作为联络站建设的样板",
     "{name}代表每月固定到代表联络站接待群众，收集意见建议，协调解决群众急难愁盼问题。"),
]

KIND_TITLES = {
    "reception": ["{name}代表在{town}代表联络站接待群众", "{name}代表进站接待 倾听群众呼声"],
    "dispute": ["{name}代表上门调解邻里纠纷", "{name}代表协调化解土地流转矛盾"],
    "suggestion": ["{name}代表建议改善{town}农村道路", "{name}代表就养老服务提出建议"],
    "inspection": ["{name}代表参加{town}企业视察调研", "{name}代表视察农村人居环境整治"],
    "other": ["{name}代表参加{town}志愿服务活动"],
}
# Ordinary stories: the stage each reaches (34 of them); published ones go to district outlets.
ORDINARY_STAGES = ["published"] * 8 + ["drafted"] * 7 + ["interviewed"] * 8 + ["lead"] * 11
# Planning activities stories come from, and the story kind each gives; the ordinary stories
# (interviewed and leads, by index) that come from one.
ACTIVITY_KINDS = {ActivityKind.INSPECTION: "inspection", ActivityKind.DEPUTIES: "reception"}
STORIES_FROM_ACTIVITIES = [16, 19, 24, 26, 29]


def _id_number(rng, birth: dt.date, serial: int) -> str:
    first17 = f"130182{birth:%Y%m%d}{serial % 1000:03d}"
    return first17 + id_check_digit(first17)


def _people(ctx):
    rng, used, used_posts, result = ctx.rng, set(), set(), []
    sectors = list(SECTOR_MIX)
    rng.shuffle(sectors)
    for i, sector in enumerate(sectors):
        group = GROUPS[i % len(GROUPS)]
        while True:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN)
            if name not in used:
                used.add(name)
                break
        town = TOWNS[i % len(TOWNS)]
        choices = [o.format(town=town) for o in OCCUPATIONS[sector]]
        rng.shuffle(choices)
        # One person per post: a unit-wide post (a school's head) is taken once.
        occupation = next((o for o in choices if o not in used_posts), choices[0])
        used_posts.add(occupation)
        birth = dt.date(1960 + rng.randrange(30), 1 + rng.randrange(12), 1 + rng.randrange(28))
        seats = [("county", *COUNTY_TERM)]
        if i % 9 == 0:
            seats.append(("city", *CITY_TERM))
        if i == 0:
            seats.append(("province", *PROVINCE_TERM))
        phone = f"1{rng.choice('3578')}{rng.randrange(10)}{rng.randrange(10**8):08d}"
        result.append({"name": name, "group": group, "sector": sector, "occupation": occupation, "phone": phone,
                       "id_number": _id_number(rng, birth, 100 + i * 7), "seats": seats})
    return result


class _Builder:
    def __init__(self, ctx):
        self.ctx = ctx
        self.congress = ctx.congresses["gaocheng"]
        m = ctx.members
        self.coordinator, self.director, self.leader = m["coordinator"], m["director"], m["leader3"]
        self.writers = [m["writer5"], m["writer4"]]  # 代表工委 and 农委 writers (leader3's offices)
        self.outlets = {o.name: o for o in Outlet.objects.filter(congress=self.congress)}

    def day(self, days_ago: int) -> dt.date:
        return self.ctx.today - dt.timedelta(days=max(days_ago, 0))

    def manuscript(self, writer, title, body, written_on: dt.date, approve: bool) -> Manuscript:
        m = writing.manuscript_create(member=writer, title=title, body=body, event_date=written_on)
        Manuscript.objects.filter(pk=m.pk).update(created_at=self.ctx.at(written_on, 9))
        if approve:
            reviewing.manuscript_submit_for_review(member=writer, manuscript=m, version=m.version)
            leader = writer.office.leader
            reviewing.manuscript_approve(member=leader, manuscript=m, version=m.version)
            reviewing.manuscript_approve(member=self.director, manuscript=m, version=m.version)
            ReviewRequest.objects.filter(manuscript=m).update(requested_at=self.ctx.at(written_on, 11))
            Review.objects.filter(request__manuscript=m).update(decided_at=self.ctx.at(written_on, 16))
        Manuscript.objects.filter(pk=m.pk).update(updated_at=self.ctx.at(written_on, 16))
        return m

    def publish(self, story, m, outlet_name: str, on: dt.date) -> Publication:
        on = min(on, self.ctx.today)
        publication = services.story_record_publication(
            member=self.coordinator, story=story, manuscript=m, outlet=self.outlets[outlet_name], published_on=on,
            title=m.title, address=self.address(outlet_name, on, story.pk))
        Publication.objects.filter(pk=publication.pk).update(recorded_at=self.ctx.at(on, 18))
        return publication

    def address(self, outlet_name: str, on: dt.date, serial: int) -> str:
        outlet = self.outlets[outlet_name]
        if outlet.kind in ("newspaper", "magazine"):
            return f"{on.year}年第{on.month}期 第{1 + serial % 8}版"
        host = (outlet.address or "").split("//")[-1] or "mp.weixin.qq.com"
        return f"{host}/{on:%Y%m%d}/{serial}.html"

    def reprint(self, story, publication, who, level, on: dt.date, serial: int):
        on = min(on, self.ctx.today)
        reprint = services.story_record_reprint(member=self.coordinator, story=story, publication=publication,
                                                outlet_name=who, level=level, reprinted_on=on,
                                                address=f"mp.weixin.qq.com/s/gc{on:%Y%m%d}{serial:03d}")
        Reprint.objects.filter(pk=reprint.pk).update(recorded_at=self.ctx.at(on, 19))

    def story(self, writer, kind, title, happened_on, deputies, summary, source, activity=None,
              place=None) -> DeputyStory:
        story = services.story_create(member=writer, kind=kind, title=title, happened_on=happened_on,
                                      summary=summary, deputies=deputies,
                                      place=place or source.removesuffix("代表小组"), source=source, activity=activity)
        DeputyStory.objects.filter(pk=story.pk).update(created_at=self.ctx.at(happened_on, 17))
        return story

    def link(self, writer, story, m, on: dt.date):
        services.story_link_manuscript(member=writer, story=story, manuscript=m)
        StoryManuscript.objects.filter(story=story, manuscript=m).update(linked_at=self.ctx.at(on, 10))

    def interview(self, writer, story, on: dt.date, deputy):
        services.story_record_interview(member=writer, story=story, held_on=min(on, self.ctx.today),
                                        note=f"采访{deputy.name}代表及相关群众")


@demo_builders.register
def build(ctx) -> None:
    if "gaocheng" not in ctx.congresses:
        return
    b = _Builder(ctx)
    rng = ctx.rng
    deputies = [services.deputy_create(member=b.coordinator, **person) for person in _people(ctx)]
    by_sector = {}
    for d in deputies:
        by_sector.setdefault(d.sector, []).append(d)

    for n, (title, sector, kind, ago, publications, reprints, reason, summary) in enumerate(TYPICAL):
        deputy = by_sector[sector][0]
        writer = b.writers[n % 2]
        happened = b.day(ago)
        story = b.story(writer, kind, title, happened, [deputy], summary.format(name=deputy.name), deputy.group)
        b.interview(writer, story, happened + dt.timedelta(days=3), deputy)
        m = b.manuscript(writer, title, f"{story.summary}\n\n（本文由区人大常委会代表工委供稿）",
                         happened + dt.timedelta(days=5), approve=True)
        b.link(writer, story, m, happened + dt.timedelta(days=5))
        first = None
        for outlet_name, after in publications:
            publication = b.publish(story, m, outlet_name, happened + dt.timedelta(days=after))
            first = first or publication
        for i, (who, level, after) in enumerate(reprints):
            b.reprint(story, first, who, level, first.published_on + dt.timedelta(days=after), n * 10 + i)
        services.story_mark_typical(member=b.director if n % 2 else b.coordinator, story=story, reason=reason)
        marked_on = min(happened + dt.timedelta(days=40), ctx.today)
        TypicalCase.objects.filter(story=story).update(marked_at=ctx.at(marked_on, 9))

    # Ordinary stories: their deputies are drawn from the first half of the registry, so the
    # second half is never featured (the coverage page shows them). Drafted and published ones
    # are told by the newsroom demo's manuscripts (the deputies' office's first) when it ran.
    published, unpublished = _newsroom_manuscripts(ctx, b.congress)
    pool = deputies[1:34]
    county_outlets = ["藁城区融媒体中心", "藁城区人大微信公众号"]
    # Some leads come from the planning demo's past deputies' activities and inspections (the
    # planning demo runs first): they are linked to them.
    sources = list(Activity.objects.filter(congress=b.congress, kind__in=ACTIVITY_KINDS, start_date__lte=ctx.today)
                   .order_by("-start_date", "-id"))
    from_activity = {i: sources[n % len(sources)] for n, i in enumerate(STORIES_FROM_ACTIVITIES)} if sources else {}
    for i, stage in enumerate(ORDINARY_STAGES):
        # The earliest published story features a deputy told about in this term but (when it
        # was last year) not this year, so the coverage page's year and term can differ.
        deputy = deputies[34] if i == 7 else pool[i % len(pool)]
        others = [pool[(i + 13) % len(pool)]] if i % 5 == 0 else []
        kind = ["reception", "dispute", "suggestion", "inspection", "other"][i % 5]
        town = deputy.group.removesuffix("代表小组")
        title = rng.choice(KIND_TITLES[kind]).format(name=deputy.name, town=town)
        writer = b.writers[i % 2]
        m = None
        if stage == "published" and published:
            m = published.pop(0) if i == 7 else published.pop()
        elif stage == "drafted" and unpublished:
            m = unpublished.pop()
        happened = (m.event_date or m.created_at.date()) if m else b.day(10 + (i * 53) % 350)
        activity, place = from_activity.get(i), None
        if activity is not None:
            kind = ACTIVITY_KINDS[activity.kind]
            title = f"{deputy.name}代表参加{activity.title}"
            length = (activity.end_date - activity.start_date).days + 1
            happened = min(activity.start_date + dt.timedelta(days=i % length), ctx.today)
            place = (activity.places or town)[:100]
        story = b.story(writer, kind, title, happened, [deputy, *others],
                        f"{happened.month}月{happened.day}日，{deputy.name}代表{title.split('代表', 1)[-1]}。",
                        deputy.group, activity=activity, place=place)
        if stage == "lead":
            continue
        if stage == "interviewed" or i % 2:
            b.interview(writer, story, happened + dt.timedelta(days=2), deputy)
        if stage in ("drafted", "published"):
            written = min(happened + dt.timedelta(days=4), ctx.today)
            if m is None:  # no newsroom demo: write the manuscript here
                m = b.manuscript(writer, title, story.summary, written, approve=stage == "published" or i % 3 == 0)
                if stage == "published":
                    b.link(writer, story, m, written)
                    b.publish(story, m, county_outlets[i % 2], min(written + dt.timedelta(days=3), ctx.today))
                    continue
            b.link(writer, story, m, written)


def _newsroom_manuscripts(ctx, congress):
    """The newsroom demo's manuscripts of the congress: (published, earliest live publication
    first; not yet published), the deputies' office's manuscripts at the end of each list, where
    the builder takes from."""
    ids = [m.pk for m in ctx.extra.get("manuscripts", []) if m.congress_id == congress.pk]
    deputies_office = "代表人事选举任免联络工作委员会"
    manuscripts = (Manuscript.objects.filter(pk__in=ids).select_related("office")
                   .annotate(first_published=Min("submissions__publication__published_on",
                                                 filter=Q(submissions__publication__withdrawn_at__isnull=True))))
    published = sorted((m for m in manuscripts if m.first_published),
                       key=lambda m: (m.first_published, m.pk))
    earliest, rest = published[:1], published[1:]
    rest.sort(key=lambda m: (m.office.name == deputies_office, m.first_published, m.pk))
    unpublished = sorted((m for m in manuscripts if m.state in ("draft", "in_review", "returned", "approved",
                                                                 "submitted")),
                         key=lambda m: (m.office.name == deputies_office, m.created_at, m.pk))
    return earliest + rest, unpublished
