"""Demo manuscripts: about 150 in 藁城区 over the last twelve months, in every state, with
submissions and publications at every outlet level, metric snapshots, reprints, a withdrawal;
and a few dozen in each other district, so the city can rank its districts.

Everything goes through the services (so states, versions and the audit log are real), then
the timestamps are moved back to the days the story says.
"""

import datetime as dt

from tribune.kit.plugins import demo_builders
from tribune.newsroom.models import (
    Manuscript,
    ManuscriptKind,
    ManuscriptVersion,
    MetricSnapshot,
    Placement,
    Publication,
    Review,
    ReviewRequest,
    Submission,
)
from tribune.newsroom.services import publishing, reviewing, writing
from tribune.outlets.models import Outlet, OutletLevel

SUBJECTS = {
    "办公室": ["常委会党组理论学习中心组集体学习", "机关作风建设推进会", "人大宣传工作推进会",
            "常委会工作要点落实情况督查"],
    "法制工作委员会": ["《河北省优化营商环境条例》贯彻情况执法检查", "规范性文件备案审查工作", "基层立法联系点建设",
                "普法责任制落实情况调研", "行政复议工作情况专题调研"],
    "财政经济工作委员会": ["预算执行情况审查", "国有资产管理情况报告审议", "重点项目建设视察", "民营经济发展专题调研",
                  "审计查出问题整改情况跟踪监督"],
    "教育科学文化卫生工作委员会": ["义务教育优质均衡发展调研", "基层医疗卫生服务能力视察", "非物质文化遗产保护情况调研",
                      "全民健身工作专题询问"],
    "农业农村工作委员会": ["高标准农田建设视察", "宫灯产业发展调研", "农村人居环境整治专项监督", "强筋小麦种植基地调研",
                  "乡村振兴促进法执法检查"],
    "代表人事选举任免联络工作委员会": ["代表联络站接待选民活动", "代表建议办理情况督办", "代表履职培训班",
                           "“人大代表为人民”主题实践活动", "代表小组活动观摩"],
    "社会建设工作委员会": ["养老服务体系建设调研", "物业管理条例执法检查", "社区治理工作视察", "就业创业工作调研"],
    "监察和司法工作委员会": ["法院执行工作专项监督", "检察公益诉讼工作调研", "社区矫正工作视察", "信访工作情况调研"],
}
HEADLINES = [
    "区人大常委会开展{s}", "{s}：聚焦民生实事 推动工作落实", "以监督之力护航发展——{s}纪实",
    "区人大常委会组织{s}", "凝心聚力抓落实 {s}取得实效", "{s}见闻",
]
PARAGRAPHS = [
    "近日，{place}人大常委会组织部分常委会组成人员和人大代表，围绕{s}深入一线开展工作。",
    "活动中，大家实地察看了有关单位的工作开展情况，认真听取了相关部门的情况汇报，并进行了深入座谈交流。",
    "与会人员充分肯定了相关工作取得的成效，同时指出了存在的问题和不足，提出了有针对性的意见建议。",
    "会议强调，要坚持以人民为中心的发展思想，把群众满意作为工作的出发点和落脚点，持续推动各项工作落地见效。",
    "下一步，区人大常委会将持续跟踪问效，确保意见建议落到实处，为建设经济强区、美丽{town}贡献人大力量。",
    "参加活动的人大代表表示，将认真履行代表职责，密切联系人民群众，及时反映群众的意见和要求。",
]
RETURN_COMMENTS = ["标题不够凝练，请再提炼。", "第二段数据需要核实出处。", "篇幅过长，请压缩到一千字以内。",
                   "请补充代表的具体意见建议。", "导语要突出新闻要素。"]

GAOCHENG_WRITERS = {  # office -> writers (usernames)
    "办公室": ["writer0", "coordinator"], "法制工作委员会": ["writer1", "writer8"],
    "财政经济工作委员会": ["writer2", "writer9"], "教育科学文化卫生工作委员会": ["writer3"],
    "农业农村工作委员会": ["writer4"], "代表人事选举任免联络工作委员会": ["writer5"],
    "社会建设工作委员会": ["writer6"], "监察和司法工作委员会": ["writer7"],
}
# Most manuscripts published, a realistic share still on the way.
FATES = ["published"] * 11 + ["submitted"] * 3 + ["approved", "in_review", "returned", "draft", "rejected_outlet"]


def _text(ctx, subject, place: str):
    """A headline and body about `subject` in `place` (藁城区: the district's own name, so a
    district's pieces never speak of another district)."""
    words = {"s": subject, "place": place, "town": place.removesuffix("区").removesuffix("县")}
    title = ctx.rng.choice(HEADLINES).format(**words)
    paragraphs = ctx.rng.sample(PARAGRAPHS, k=ctx.rng.randint(3, 6))
    body = "\n".join(p.format(**words) for p in paragraphs)
    if ctx.rng.random() < 0.3:  # some long pieces, for the length tier of the scheme
        body += "\n" + "\n".join(p.format(**words) for p in PARAGRAPHS) * 2
    return title, body


def _credits(ctx, congress_code, writers) -> tuple[list[str], list[str]]:
    """Who may be named 责编 and 监制 on a district's pieces: its own people. 藁城's are those of
    the source article (责编：白俊宝, 监制：殷光宁)."""
    if congress_code == "gaocheng":
        return ["白俊宝", "殷晓宁", ""], ["殷光宁", ""]
    editors = sorted({ctx.members[w].name for w in writers})
    return [*editors, ""], [ctx.members[f"director-{congress_code}"].name, ""]


def _outlets(congress):
    by_level = {level: [] for level in OutletLevel.values}
    for outlet in Outlet.objects.filter(congress=congress).order_by("name"):
        by_level[outlet.level].append(outlet)
    return by_level


def _pick_outlets(ctx, by_level):
    """Usually the district media centre and account; often city; sometimes provincial; rarely national."""
    chosen = list(by_level[OutletLevel.COUNTY])
    if ctx.rng.random() < 0.55:
        chosen.append(ctx.rng.choice(by_level[OutletLevel.CITY]))
    if ctx.rng.random() < 0.3:
        chosen.append(ctx.rng.choice(by_level[OutletLevel.PROVINCIAL]))
    if ctx.rng.random() < 0.06:
        chosen.append(ctx.rng.choice(by_level[OutletLevel.NATIONAL]))
    return chosen


def _backdate(model, pk, **fields):
    model.objects.filter(pk=pk).update(**fields)


def _manuscript(ctx, congress_code, office, writers, approvers, coordinator, by_level, day, fate, index):
    """One manuscript from its first draft on `day` to the state `fate`."""
    rng = ctx.rng
    writer = ctx.members[rng.choice(writers)]
    editors, supervisors = _credits(ctx, congress_code, writers)
    subject = rng.choice(SUBJECTS.get(office.name, SUBJECTS["办公室"]))
    title, body = _text(ctx, subject, office.congress.short_name)
    authors = None
    coauthors = [w for w in writers if ctx.members[w] != writer]
    if coauthors and rng.random() < 0.25:
        authors = [(writer, 60), (ctx.members[coauthors[0]], 40)]
    kind = rng.choice([ManuscriptKind.ARTICLE] * 6 + [ManuscriptKind.PHOTO, ManuscriptKind.NEWMEDIA,
                                                       ManuscriptKind.VIDEO])
    m = writing.manuscript_create(member=writer, title=title, body=body, office=office, kind=kind,
                                  event_date=day - dt.timedelta(days=rng.randint(0, 2)), authors=authors,
                                  editor=rng.choice(editors), supervisor=rng.choice(supervisors))
    stamps = {"created": ctx.at(day, 9, rng.randint(0, 59))}
    _backdate(Manuscript, m.pk, created_at=stamps["created"], updated_at=stamps["created"])
    if fate == "draft":
        return m
    clock = [ctx.at(day, 15)]

    def tick(hours):
        clock[0] += dt.timedelta(hours=hours)
        return min(clock[0], ctx.at(ctx.today, 8))

    def submit_for_review():
        request = reviewing.manuscript_submit_for_review(member=writer, manuscript=m, version=m.version)
        when = tick(1)
        _backdate(ReviewRequest, request.pk, requested_at=when)
        # The text kept at submission is dated when it was submitted, not when the demo ran.
        ManuscriptVersion.objects.filter(manuscript=m, revision=m.revision).update(saved_at=when)

    submit_for_review()
    returned = fate == "returned" or rng.random() < 0.25
    if returned:
        review = reviewing.manuscript_return(member=approvers[0](m), manuscript=m, version=m.version,
                                             comment=rng.choice(RETURN_COMMENTS))
        _backdate(Review, review.pk, decided_at=tick(5))
        if fate == "returned":
            return m
        writing.manuscript_update(member=writer, manuscript=m, version=m.version, title=m.title,
                                  body=m.body + "\n" + PARAGRAPHS[-1].format(s=subject), topic=m.topic,
                                  event_date=m.event_date)
        tick(12)
        submit_for_review()
        _backdate(Manuscript, m.pk, updated_at=clock[0])
    steps = 1 if fate == "in_review" else len(approvers)
    for approver in approvers[:steps]:
        review = reviewing.manuscript_approve(member=approver(m), manuscript=m, version=m.version)
        _backdate(Review, review.pk, decided_at=tick(rng.randint(2, 20)))
    if fate in ("in_review", "approved"):
        return m
    outlets = _pick_outlets(ctx, by_level)
    submitted_at = tick(rng.randint(1, 24))
    subs = publishing.manuscript_submit_to_outlets(member=coordinator, manuscript=m, version=m.version,
                                                   outlets=outlets, submitted_at=submitted_at)
    if fate in ("submitted", "rejected_outlet"):
        return m
    for sub in subs:
        level = sub.outlet.level
        # Local outlets take almost everything; the higher the level, the choosier.
        chance = {"county": 0.95, "city": 0.6, "provincial": 0.45, "national": 0.35}[level]
        if sub is not subs[0] and rng.random() > chance:
            continue
        delay = rng.randint(0, 2) if level == "county" else rng.randint(1, 9)
        published_on = min(submitted_at.date() + dt.timedelta(days=delay), ctx.today)
        placement = Placement.NONE
        if level in ("city", "provincial") and rng.random() < 0.15:
            placement = rng.choice([Placement.FRONT_PAGE, Placement.HEADLINE, Placement.FRONT_HEADLINE])
        address = (f"https://{congress_code}.example.invalid/{sub.outlet.pk}/{m.pk}" if sub.outlet.kind in
                   ("website", "wechat", "platform", "app") else f"第{rng.randint(1, 8)}版")
        pub = publishing.publication_record(member=coordinator, submission=sub, published_on=published_on,
                                            title=m.title, address=address, placement=placement,
                                            combined=level != "county" and rng.random() < 0.2)
        _backdate(Publication, pub.pk, recorded_at=ctx.at(published_on, 18))
        if sub.outlet.kind in ("wechat", "platform", "website", "app"):
            reads = int(rng.lognormvariate(7.2, 1.0))
            base = min(ctx.at(published_on, 20), ctx.at(ctx.today, 7))
            for day_offset, factor in ((1, 0.7), (7, 1.0)):
                taken = min(base + dt.timedelta(days=day_offset), ctx.at(ctx.today, 7))
                publishing.metrics_record(member=coordinator, publication=pub, taken_at=taken,
                                          reads=int(reads * factor), shares=int(reads * factor * 0.04),
                                          likes=int(reads * factor * 0.02), comments=int(reads * factor * 0.003))
        if level in ("provincial", "city") and rng.random() < 0.3 and published_on < ctx.today:
            county_accounts = by_level[OutletLevel.COUNTY]
            publishing.reprint_record(member=coordinator, publication=pub, outlet=county_accounts[-1],
                                      outlet_name="", level="", reprinted_on=min(published_on + dt.timedelta(days=1),
                                                                                 ctx.today),
                                    address=f"https://{congress_code}.example.invalid/reprint/{pub.pk}")
    return m


def _congress(ctx, code, writers_by_office, count, leader_step, director):
    congress = ctx.congresses[code]
    coordinator = ctx.members["coordinator" if code == "gaocheng" else f"coordinator-{code}"]
    by_level = _outlets(congress)
    approvers = [leader_step, lambda m: director]
    offices = [ctx.offices[(code, name)] for name in writers_by_office]
    manuscripts = []
    for index in range(count):
        # Spread over the last twelve months, a little denser recently.
        age = int(365 * (ctx.rng.random() ** 1.3))
        day = ctx.today - dt.timedelta(days=age)
        fate = ctx.rng.choice(FATES) if age > 20 else ctx.rng.choice(
            ["published", "submitted", "approved", "in_review", "returned", "draft"])
        office = offices[index % len(offices)]
        manuscripts.append(_manuscript(ctx, code, office, writers_by_office[office.name], approvers, coordinator,
                                       by_level, day, fate, index))
    return manuscripts


@demo_builders.register
def build(ctx) -> None:
    def leader_of(m):
        return m.office.leader

    ctx.extra["manuscripts"] = _congress(ctx, "gaocheng", GAOCHENG_WRITERS, 135, leader_of, ctx.members["director"])
    # One withdrawal for a factual error, with its reason kept.
    from django.db.models import Count

    single = (Manuscript.objects.filter(congress=ctx.congresses["gaocheng"], state="published")
              .annotate(n=Count("submissions__publication")).filter(n=1).order_by("created_at").first())
    pub = Publication.objects.filter(submission__manuscript=single).first() if single else None
    if pub is not None:
        publishing.publication_withdraw(member=ctx.members["coordinator"], publication=pub, version=pub.version,
                                        reason="文中代表所在单位表述有误，已撤稿更正", factual_error=True)
    for code in ("luancheng", "zhengding"):
        writers = {"办公室": [f"coordinator-{code}"], "法制工作委员会": [f"writer-{code}"],
                   "财政经济工作委员会": [f"writer2-{code}"], "代表人事选举任免联络工作委员会": [f"writer3-{code}"]}
        _congress(ctx, code, writers, 35, leader_of, ctx.members[f"director-{code}"])
    # Submissions made "today" by the services keep their backdated time; nothing else to fix.
    assert Submission.objects.exists() and MetricSnapshot.objects.exists()
