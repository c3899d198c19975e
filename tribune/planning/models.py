"""Planning: the business work to cover (activities and statutory meetings), the coverage plans
made for them, the live key-points log, and the regular staff meeting (全体例会) with its
action items."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tribune.newsroom.models import Manuscript, Topic
from tribune.org.models import Congress, Member, Office
from tribune.outlets.models import MediaContact


class ActivityKind(models.TextChoices):
    INSPECTION = "inspection", _("Inspection and research (视察调研)")
    LAW_ENFORCEMENT = "law_enforcement", _("Law-enforcement inspection (执法检查)")
    SUPERVISION = "supervision", _("Special supervision (专项监督)")
    DEPUTIES = "deputies", _("Deputy activity (代表活动)")
    OTHER = "other", _("Other")


class Activity(models.Model):
    """Business work to cover: an inspection trip, a law-enforcement inspection, a deputies'
    activity … with the offices and leaders taking part and the journalists invited."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    places = models.CharField(_("places"), max_length=300, blank=True)
    offices = models.ManyToManyField(Office, blank=True, related_name="activities", verbose_name=_("offices"))
    leaders = models.ManyToManyField(Member, blank=True, related_name="led_activities", verbose_name=_("leaders"))
    topics = models.ManyToManyField(Topic, blank=True, related_name="activities", verbose_name=_("topics"))
    contacts = models.ManyToManyField(MediaContact, through="Invitation", related_name="activities")
    created_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)  # the optimistic lock of its edit form
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")),
                                   name="activity_dates_in_order"),
        ]

    def __str__(self):
        return self.title


class Invitation(models.Model):
    """A journalist invited to go with an activity, and whether they came (unknown until after)."""

    congress_path = "activity__congress"  # the congress it belongs to (access.get_object_for_member)

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="invitations")
    contact = models.ForeignKey(MediaContact, on_delete=models.CASCADE, related_name="invitations")
    came = models.BooleanField(_("came"), null=True, blank=True)
    invited_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        ordering = ["activity", "invited_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "contact"], name="invitation_once_per_activity"),
        ]

    def __str__(self):
        return f"{self.contact} → {self.activity}"

    @property
    def congress(self):
        return self.activity.congress


class Material(models.Model):
    """A photo, video or document collected at an activity, for writers to draw from."""

    congress_path = "activity__congress"  # the congress it belongs to (access.get_object_for_member)

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="materials")
    file = models.FileField(upload_to="materials/%Y/%m/")
    kind = models.CharField(_("kind"), max_length=10)
    content_type = models.CharField(max_length=80)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"))
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("material")
        ordering = ["activity", "-uploaded_at", "-id"]

    def __str__(self):
        return self.original_name

    @property
    def congress(self):
        return self.activity.congress

    @property
    def kind_label(self) -> str:
        from tribune.newsroom.models import AttachmentKind

        return str(AttachmentKind(self.kind).label) if self.kind in AttachmentKind.values else self.kind


class MeetingKind(models.TextChoices):
    SESSION = "session", _("Session of the people's congress (人民代表大会会议)")
    STANDING = "standing", _("Standing committee meeting (常委会会议)")
    DIRECTORS = "directors", _("Directors' meeting (主任会议)")


class Meeting(models.Model):
    """A statutory meeting over one or more days; creating one generates its coverage plan."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=12, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="meetings", verbose_name=_("topics"))
    created_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)  # the optimistic lock of its edit form
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")),
                                   name="meeting_dates_in_order"),
        ]

    def __str__(self):
        return self.title

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1


class Phase(models.TextChoices):
    BEFORE = "before", _("Before")
    DURING = "during", _("During")
    AFTER = "after", _("After")


class TaskType(models.TextChoices):
    PLAN = "plan", _("Publicity plan (宣传方案)")
    PREVIEW = "preview", _("Meeting preview (会议预告)")
    TEXT = "text", _("Text report")
    PHOTO = "photo", _("Photos")
    VIDEO = "video", _("Video")
    KEY_POINTS = "key_points", _("Key points (会议要点)")
    HOT_TOPICS = "hot_topics", _("Livelihood hot topics (民生热点)")
    NEWMEDIA = "newmedia", _("New-media post")
    INTERPRETATION = "interpretation", _("Plain-language interpretation (会议精神解读)")
    SUMMARY = "summary", _("Summary")
    OTHER = "other", _("Other")


class TemplateItem(models.Model):
    """One line of the editable plan template for a kind of meeting. The deadline is relative to
    the meeting: `offset_days` before the first day (phase before), after the first day (during,
    or on each day when `each_day`), or after the last day (phase after)."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="plan_template_items")
    meeting_kind = models.CharField(_("kind of meeting"), max_length=12, choices=MeetingKind.choices)
    phase = models.CharField(_("phase"), max_length=8, choices=Phase.choices)
    task_type = models.CharField(_("type"), max_length=20, choices=TaskType.choices)
    title = models.CharField(_("task"), max_length=200)
    offset_days = models.SmallIntegerField(_("days from the meeting"), default=0)
    each_day = models.BooleanField(_("one task per meeting day"), default=False)
    office = models.ForeignKey(Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                               verbose_name=_("office"))
    assignee = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                 verbose_name=_("assignee"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("plan template line")
        ordering = ["congress", "meeting_kind", "position", "id"]

    def __str__(self):
        return self.title


class CoveragePlan(models.Model):
    """The coverage plan of one meeting (or activity): its tasks before, during and after."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="coverage_plans")
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="plan")
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, null=True, blank=True,
                                    related_name="plan")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("coverage plan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=False, activity__isnull=True)
                | models.Q(meeting__isnull=True, activity__isnull=False),
                name="plan_for_meeting_or_activity",
            ),
        ]

    def __str__(self):
        return str(self.meeting or self.activity)

    @property
    def subject(self):
        return self.meeting or self.activity


class CoverageTask(models.Model):
    """A task of a coverage plan. It is done when its linked manuscript is published (derived
    from the manuscript's state, never stored), or, for a task with no manuscript of its own
    (a publicity plan, photos handed over), when someone marks it done (`done_at`)."""

    congress_path = "plan__congress"  # the congress it belongs to (access.get_object_for_member)

    plan = models.ForeignKey(CoveragePlan, on_delete=models.CASCADE, related_name="tasks")
    phase = models.CharField(_("phase"), max_length=8, choices=Phase.choices)
    task_type = models.CharField(_("type"), max_length=20, choices=TaskType.choices)
    title = models.CharField(_("task"), max_length=200)
    office = models.ForeignKey(Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                               verbose_name=_("office"))
    assignee = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="coverage_tasks", verbose_name=_("assignee"))
    due_date = models.DateField(_("deadline"), db_index=True)
    manuscript = models.ForeignKey(Manuscript, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="coverage_tasks", verbose_name=_("manuscript"))
    done_at = models.DateTimeField(_("marked done"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("coverage task")
        ordering = ["plan", "due_date", "position", "id"]

    def __str__(self):
        return self.title

    @property
    def is_done(self) -> bool:
        from tribune.newsroom.states import State

        return self.done_at is not None or (self.manuscript_id is not None and self.manuscript.state == State.PUBLISHED)

    @property
    def congress(self):
        return self.plan.congress

    def is_late(self, today) -> bool:
        return not self.is_done and self.due_date < today


class KeyPoint(models.Model):
    """One line of a meeting's live key-points log. Appends are plain INSERTs, so several people
    writing at once never overwrite each other."""

    congress_path = "meeting__congress"  # the congress it belongs to (access.get_object_for_member)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="key_points")
    text = models.TextField(_("key point"))
    is_hot = models.BooleanField(_("livelihood hot topic (民生热点)"), default=False)
    author = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    used_in = models.ForeignKey(Manuscript, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("key point")
        ordering = ["meeting", "created_at", "id"]

    def __str__(self):
        return self.text[:40]

    @property
    def congress(self):
        return self.meeting.congress


class RegularMeeting(models.Model):
    """A staff meeting (全体例会) whose publicity item reviewed the pack for its date."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="regular_meetings")
    date = models.DateField(_("date"))
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("regular meeting")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "date"], name="regular_meeting_once_a_day"),
        ]

    def __str__(self):
        return f"{self.congress.short_name} {self.date}"


class ActionItem(models.Model):
    """A decision of a regular meeting: what, who, by when; reviewed in the next pack."""

    congress_path = "meeting__congress"  # the congress it belongs to (access.get_object_for_member)

    meeting = models.ForeignKey(RegularMeeting, on_delete=models.CASCADE, related_name="action_items")
    text = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="action_items",
                              verbose_name=_("owner"))
    due_date = models.DateField(_("due date"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("action item")
        ordering = ["meeting", "due_date", "id"]

    def __str__(self):
        return self.text

    @property
    def congress(self):
        return self.meeting.congress
