"""Demo planning for 藁城区: a standing committee meeting last month with its plan carried out,
one next week with its plan in progress, activities with invited journalists, topics (some with
no date yet), joint reports, and two earlier regular meetings with their decisions.

Built through the services, then moved back in time with queryset updates.
"""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from tribune.kit.plugins import demo_builders
from tribune.newsroom.models import (
    JointReport,
    Manuscript,
    ManuscriptKind,
    Publication,
    Review,
    ReviewRequest,
    Topic,
)
from tribune.newsroom.services import publishing, reviewing, writing
from tribune.outlets import services as outlets
from tribune.outlets.models import Outlet, OutletLevel
from tribune.planning.models import (
    ActionItem,
    Activity,
    ActivityKind,
    CoverageTask,
    Invitation,
    KeyPoint,
    Material,
    Meeting,
    MeetingKind,
    RegularMeeting,
    TaskType,
)
from tribune.planning.services import activity_liaison, plans, regular_meetings, topic_proposals

CODE = "gaocheng"
# A 1×1 PNG for the material library.
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

CONTACTS = [
    # name, outlet name (or None), organisation, position
    ("冯立军", "河北日报", "", "驻石家庄记者站记者"),
    ("高雅楠", "石家庄日报", "", "政务新闻部记者"),
    ("魏子航", "藁城区融媒体中心", "", "时政组记者"),
    ("蔡晓琳", "藁城区融媒体中心", "", "新媒体编辑"),
    ("贾文涛", None, "中共藁城区委宣传部", "新闻科科长"),
]


def _weekday(day: dt.date) -> dt.date:
    """The day, or the Monday after it when it falls on a weekend."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


class Builder:
    def __init__(self, ctx):
        self.ctx = ctx
        self.congress = ctx.congresses[CODE]
        self.members = ctx.members
        self.coordinator = ctx.members["coordinator"]
        self.director = ctx.members["director"]
        self.county = list(Outlet.objects.filter(congress=self.congress, level=OutletLevel.COUNTY).order_by("name"))

    def office(self, name):
        return self.ctx.offices[(CODE, name)]

    def m(self, username):
        return self.members[username]

    # --- manuscripts taken to publication on given days --------------------------------------

    def publish(self, manuscript, submit_day: dt.date, published_on: dt.date, outlet=None):
        ctx = self.ctx
        author = manuscript.created_by
        request = reviewing.manuscript_submit_for_review(member=author, manuscript=manuscript,
                                                         version=manuscript.version)
        ReviewRequest.objects.filter(pk=request.pk).update(requested_at=ctx.at(submit_day, 9))
        for hour, approver in ((11, manuscript.office.leader), (15, self.director)):
            review = reviewing.manuscript_approve(member=approver, manuscript=manuscript, version=manuscript.version)
            Review.objects.filter(pk=review.pk).update(decided_at=ctx.at(submit_day, hour))
        [submission] = publishing.manuscript_submit_to_outlets(
            member=self.coordinator, manuscript=manuscript, version=manuscript.version,
            outlets=[outlet or self.county[0]], submitted_at=ctx.at(submit_day, 17))
        publication = publishing.publication_record(member=self.coordinator, submission=submission,
                                                    published_on=published_on, title=manuscript.title)
        Publication.objects.filter(pk=publication.pk).update(recorded_at=ctx.at(published_on, 18))
        return manuscript

    def write(self, username, title, body, kind=ManuscriptKind.ARTICLE, event_day=None, topic=None):
        manuscript = writing.manuscript_create(member=self.m(username), title=title, body=body, kind=kind,
                                               event_date=event_day, topic=topic)
        if event_day is not None:
            Manuscript.objects.filter(pk=manuscript.pk).update(created_at=self.ctx.at(event_day, 8),
                                                               updated_at=self.ctx.at(event_day, 8))
        return manuscript

    def assign(self, plan, assignments):
        for task in plan.tasks.all():
            who = assignments.get(task.task_type)
            if who:
                CoverageTask.objects.filter(pk=task.pk).update(assignee=self.m(who), office=self.m(who).office)

    def mark_done(self, task, day):
        plans.task_mark_done(member=self.coordinator, task=task)
        CoverageTask.objects.filter(pk=task.pk).update(done_at=self.ctx.at(day, 17))

    def backdate_topic(self, topic, day):
        Topic.objects.filter(pk=topic.pk).update(created_at=self.ctx.at(day, 9))


ASSIGNMENTS = {
    TaskType.PLAN: "coordinator", TaskType.PREVIEW: "writer0", TaskType.TEXT: "writer0", TaskType.PHOTO: "writer0",
    TaskType.VIDEO: "coordinator", TaskType.KEY_POINTS: "coordinator", TaskType.HOT_TOPICS: "writer1",
    TaskType.NEWMEDIA: "coordinator", TaskType.INTERPRETATION: "writer1", TaskType.SUMMARY: "coordinator",
}

LAST_POINTS = [
    ("会议听取和审议了区人民政府关于2026年上半年国民经济和社会发展计划执行情况的报告", False),
    ("会议审议通过了关于加强农村人居环境整治工作的决议", False),
    ("组成人员建议加快老旧小区改造进度，解决群众出行停车难问题", True),
    ("会议表决通过了有关人事任免事项", False),
    ("多名组成人员关注义务教育阶段课后服务质量，建议加大财政投入", True),
    ("会议要求区政府抓好审议意见的研究处理，按期报告落实情况", False),
]


def _last_month_meeting(b: Builder) -> Meeting:
    """Last month's standing committee meeting, covered in full."""
    ctx = b.ctx
    start = _weekday((ctx.today.replace(day=1) - dt.timedelta(days=1)).replace(day=16))
    end = start + dt.timedelta(days=1)
    topic = topic_proposals.topic_propose(member=b.coordinator, title="常委会会议精神通俗解读",
                                          office=b.office("办公室"),
                                          assignee=b.m("writer1"), due_date=end + dt.timedelta(days=3))
    b.backdate_topic(topic, start - dt.timedelta(days=12))
    meeting = plans.meeting_create(member=b.coordinator, kind=MeetingKind.STANDING,
                                   title="区十七届人大常委会第二十三次会议", start_date=start, end_date=end,
                                   place="区人大常委会会议室",
                                   agenda="一、听取和审议区人民政府关于上半年国民经济和社会发展计划执行情况的报告\n"
                                             "二、审议关于加强农村人居环境整治工作的决议（草案）\n三、人事任免事项")
    meeting.topics.add(topic)
    Meeting.objects.filter(pk=meeting.pk).update(created_at=ctx.at(start - dt.timedelta(days=14), 9))
    b.assign(meeting.plan, ASSIGNMENTS)
    points = []
    for i, (text, hot) in enumerate(LAST_POINTS):
        point = plans.key_point_add(member=b.m(["coordinator", "writer0", "writer1"][i % 3]), meeting=meeting,
                                    text=text, is_hot=hot)
        logged = ctx.at(start + dt.timedelta(days=i // 3), 9 + i % 3, 5 + 15 * (i % 3))
        KeyPoint.objects.filter(pk=point.pk).update(created_at=logged)
        points.append(point)
    draft = plans.key_points_draft(member=b.coordinator, meeting=meeting, point_ids=[p.pk for p in points[:5]])
    b.publish(draft, end, end)
    subjects = {
        TaskType.PREVIEW: ("区人大常委会将召开第二十三次会议", start - dt.timedelta(days=1), "writer0"),
        TaskType.KEY_POINTS: ("区十七届人大常委会第二十三次会议要点", end, "coordinator"),
        TaskType.HOT_TOPICS: ("常委会组成人员聚焦停车难和课后服务", end, "writer1"),
        TaskType.INTERPRETATION: ("一图读懂：常委会第二十三次会议都定了啥", end + dt.timedelta(days=2), "writer1"),
    }
    for task in meeting.plan.tasks.order_by("due_date", "id"):
        if task.task_type in subjects:
            title, day, who = subjects[task.task_type]
            body = "区十七届人大常委会第二十三次会议召开。" + "".join(t for t, _hot in LAST_POINTS[:3])
            m = b.write(who, title, body, kind=plans.MANUSCRIPT_KIND.get(task.task_type, ManuscriptKind.ARTICLE),
                        event_day=min(day, start) if task.task_type != TaskType.INTERPRETATION else start,
                        topic=topic if task.task_type == TaskType.INTERPRETATION else None)
            b.publish(m, day, min(day + dt.timedelta(days=1), ctx.today))
            plans.task_link_manuscript(member=b.coordinator, task=task, manuscript=m)
        elif task.task_type == TaskType.TEXT:
            m = b.write("writer0", "区人大常委会第二十三次会议" + ("开幕" if task.due_date == start else "闭幕"),
                        "会议由区人大常委会主任主持。" + LAST_POINTS[0][0], event_day=task.due_date)
            b.publish(m, task.due_date, task.due_date)
            plans.task_link_manuscript(member=b.coordinator, task=task, manuscript=m)
        elif task.manuscript_id is None:
            b.mark_done(task, min(task.due_date, ctx.today))
    Topic.objects.filter(pk=topic.pk).update(closed_at=ctx.at(end + dt.timedelta(days=4), 17))
    return meeting


def _next_week_meeting(b: Builder) -> Meeting:
    """Next week's meeting: the plan is out, the preview is being written, the rest is ahead."""
    ctx = b.ctx
    start = ctx.today + dt.timedelta(days=7 - ctx.today.weekday() + 1)  # Tuesday next week
    meeting = plans.meeting_create(member=b.coordinator, kind=MeetingKind.STANDING,
                                   title="区十七届人大常委会第二十四次会议", start_date=start, end_date=start,
                                   place="区人大常委会会议室",
                                   agenda="一、审议区人民政府关于2027年预算编制情况的报告\n二、听取法院执行工作专项报告")
    b.assign(meeting.plan, ASSIGNMENTS)
    topic = topic_proposals.topic_propose(member=b.coordinator, title="第二十四次会议看点前瞻",
                                          office=b.office("办公室"),
                                          assignee=b.m("writer0"), due_date=start - dt.timedelta(days=1),
                                          meeting=meeting)
    b.backdate_topic(topic, ctx.today - dt.timedelta(days=6))
    plan_task = meeting.plan.tasks.get(task_type=TaskType.PLAN)
    b.mark_done(plan_task, min(plan_task.due_date, ctx.today))
    preview = meeting.plan.tasks.get(task_type=TaskType.PREVIEW)
    m = b.write("writer0", "区人大常委会下周将召开第二十四次会议", "会议将审议区人民政府关于2027年预算编制情况的报告。",
                topic=topic)
    reviewing.manuscript_submit_for_review(member=b.m("writer0"), manuscript=m, version=m.version)
    plans.task_link_manuscript(member=b.coordinator, task=preview, manuscript=m)
    return meeting


def _contacts(b: Builder) -> list:
    found = []
    for name, outlet_name, organisation, position in CONTACTS:
        outlet = Outlet.objects.filter(congress=b.congress, name=outlet_name).first() if outlet_name else None
        found.append(outlets.contact_save(member=b.coordinator, name=name, outlet=outlet, organisation=organisation,
                                          position=position, phone=f"0311-8{b.ctx.rng.randint(1000000, 9999999)}"))
    return found


def _activities(b: Builder, contacts) -> None:
    ctx = b.ctx
    today = ctx.today
    plan = [
        # kind, title, days from today, length, places, office, leader, invited (contact index, came)
        (ActivityKind.INSPECTION, "高标准农田建设视察", -40, 1, "梅花镇、岗上镇", "农业农村工作委员会", "leader3",
         [(0, True), (2, True), (4, False)]),
        (ActivityKind.SUPERVISION, "农村人居环境整治专项监督", -8, 2, "廉州镇、兴安镇", "农业农村工作委员会", "leader3",
         [(2, True), (3, True)]),
        (ActivityKind.LAW_ENFORCEMENT, "《河北省优化营商环境条例》贯彻情况执法检查", 10, 3, "区行政审批局、部分企业",
         "法制工作委员会", "leader1", [(0, None), (1, None), (2, None)]),
        (ActivityKind.DEPUTIES, "“人大代表为人民”代表进站接待选民", -25, 1, "廉州镇代表联络站",
         "代表人事选举任免联络工作委员会", "leader3", [(1, True)]),
        (ActivityKind.DEPUTIES, "代表联络站接待选民活动", 20, 1, "贾市庄镇代表联络站",
         "代表人事选举任免联络工作委员会", "leader3", [(3, None)]),
    ]
    for kind, title, offset, length, places, office, leader, invited in plan:
        start = today + dt.timedelta(days=offset)
        activity = activity_liaison.activity_create(member=b.coordinator, kind=kind, title=title, start_date=start,
                                                    end_date=start + dt.timedelta(days=length - 1), places=places,
                                                    offices=[b.office(office)], leaders=[b.m(leader)],
                                                    description=f"{title}，邀请媒体记者随行采访。")
        Activity.objects.filter(pk=activity.pk).update(created_at=ctx.at(start - dt.timedelta(days=10), 9))
        for index, came in invited:
            invitation = activity_liaison.invitation_add(member=b.coordinator, activity=activity,
                                                         contact=contacts[index])
            if came is not None:
                Invitation.objects.filter(pk=invitation.pk).update(came=came)
        writer = next(m for m in b.members.values() if m.office_id == b.office(office).pk and m.has_role("writer"))
        task = plans.task_add(member=b.coordinator, plan=activity.plan, phase="after", task_type=TaskType.TEXT,
                              title="活动文字报道", due_date=activity.end_date + dt.timedelta(days=1),
                              assignee=writer, office=writer.office)
        photos = plans.task_add(member=b.coordinator, plan=activity.plan, phase="during", task_type=TaskType.PHOTO,
                                title="现场图片", due_date=activity.end_date, assignee=writer, office=writer.office)
        if offset < 0:
            b.mark_done(photos, activity.end_date)
            material = activity_liaison.material_add(member=writer, activity=activity,
                                                     uploaded=SimpleUploadedFile("现场.png", PNG),
                                                     caption=f"{title}现场")
            Material.objects.filter(pk=material.pk).update(uploaded_at=ctx.at(start, 16))
            m = b.write(writer.user.username, f"区人大常委会开展{title}", f"近日，区人大常委会组织开展{title}。",
                        event_day=start)
            b.publish(m, start + dt.timedelta(days=1), min(start + dt.timedelta(days=2), today))
            plans.task_link_manuscript(member=b.coordinator, task=task, manuscript=m)
        if kind == ActivityKind.SUPERVISION:
            # One task left behind, so the pack has something late to discuss.
            plans.task_add(member=b.coordinator, plan=activity.plan, phase="after", task_type=TaskType.VIDEO,
                           title="专项监督短视频", due_date=activity.end_date + dt.timedelta(days=2),
                           assignee=writer, office=writer.office)
        if kind == ActivityKind.LAW_ENFORCEMENT:
            topic = topic_proposals.topic_propose(member=b.coordinator, title="营商环境执法检查系列报道",
                                                  office=b.office(office), assignee=writer, due_date=start,
                                                  activity=activity)
            b.backdate_topic(topic, today - dt.timedelta(days=9))


def _topics(b: Builder) -> None:
    today = b.ctx.today
    entries = [
        ("基层立法联系点建设纪实", "法制工作委员会", "writer1", 5, -20),
        ("预算审查监督改革成效", "财政经济工作委员会", "writer2", 12, -10),
        ("宫灯产业发展调研见闻", "农业农村工作委员会", "writer4", -3, -25),
        ("养老服务体系建设调研", "社会建设工作委员会", "writer6", 18, -5),
        ("人大代表“家站点”建设巡礼", "代表人事选举任免联络工作委员会", None, None, -12),
        ("民生实事项目票决制回头看", "办公室", None, None, -3),
        ("优化营商环境条例实施一周年", None, None, None, -1),
    ]
    for title, office, writer, due, created in entries:
        topic = topic_proposals.topic_propose(member=b.coordinator, title=title,
                                              office=b.office(office) if office else None,
                                              assignee=b.m(writer) if writer else None,
                                              due_date=today + dt.timedelta(days=due) if due is not None else None)
        b.backdate_topic(topic, today + dt.timedelta(days=created))
    closed = topic_proposals.topic_propose(member=b.coordinator, title="常委会组成人员履职培训侧记",
                                           office=b.office("办公室"),
                                           due_date=today - dt.timedelta(days=30))
    b.backdate_topic(closed, today - dt.timedelta(days=45))
    Topic.objects.filter(pk=closed.pk).update(closed_at=b.ctx.at(today - dt.timedelta(days=28)))


def _joint_reports(b: Builder, contacts) -> None:
    """Joint reports with the city and provincial press, this year and last."""
    candidates = (Manuscript.objects.filter(congress=b.congress, state="published", joint_report__isnull=True)
                  .order_by("created_at", "id"))
    partners = [(contacts[0], "河北日报"), (contacts[1], "石家庄日报"), (contacts[2], "藁城区融媒体中心")]
    chosen = list(candidates[:: max(1, candidates.count() // 6)][:6])
    for i, manuscript in enumerate(chosen):
        contact, outlet_name = partners[i % len(partners)]
        outlet = Outlet.objects.get(congress=b.congress, name=outlet_name)
        report = publishing.joint_report_record(member=b.coordinator, manuscript=manuscript, outlet=outlet,
                                                contact=contact, note="联合策划、共同采写")
        JointReport.objects.filter(pk=report.pk).update(recorded_at=manuscript.created_at)


def _regular_meetings(b: Builder) -> None:
    today = b.ctx.today
    ctx = b.ctx
    decisions = [
        (35, [("各委室每月至少报送两篇稿件", "head1", 14, True), ("建立民生热点线索库", "coordinator", 15, True),
              ("邀请媒体随同视察调研活动", "coordinator", 20, False)]),
        (14, [("常委会会议宣传方案提前一周印发", "coordinator", 7, True),
              ("邀请市级媒体随同营商环境执法检查", "coordinator", 19, False),
              ("财经委补报预算审查稿件", "head2", 12, False)]),
    ]
    for days_ago, items in decisions:
        day = today - dt.timedelta(days=days_ago)
        regular = regular_meetings.regular_meeting_record(member=b.director, date=day,
                                                          notes="听取宣传专干关于近期宣传工作情况的汇报，研究下一步重点。")
        RegularMeeting.objects.filter(pk=regular.pk).update(created_at=ctx.at(day, 16))
        for text, owner, due_in, done in items:
            item = regular_meetings.action_item_add(member=b.director, meeting=regular, text=text, owner=b.m(owner),
                                                    due_date=day + dt.timedelta(days=due_in))
            if done:
                ActionItem.objects.filter(pk=item.pk).update(
                    done_at=ctx.at(min(day + dt.timedelta(days=due_in - 2), today), 17))


@demo_builders.register
def build(ctx) -> None:
    b = Builder(ctx)
    contacts = _contacts(b)
    _last_month_meeting(b)
    _next_week_meeting(b)
    _activities(b, contacts)
    _topics(b)
    _joint_reports(b, contacts)
    _regular_meetings(b)
