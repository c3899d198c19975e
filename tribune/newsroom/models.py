"""Manuscripts and the facts of their life: versions, reviews, submissions, publications,
metrics and reprints. A manuscript's state is derived from these facts (see `states.py`)."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from tribune.newsroom.states import EDITABLE_STATES, OUTLET_READY_STATES, SUBMITTABLE_STATES, State
from tribune.org.models import Congress, Member, Office
from tribune.outlets.models import Outlet, OutletLevel


class Topic(models.Model):
    """An idea to cover, tied to central work, with an owner office and a due date."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    office = models.ForeignKey(
        Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="topics",
        verbose_name=_("office"),
    )
    assignee = models.ForeignKey(
        Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="assigned_topics",
        verbose_name=_("assigned writer"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposed_topics",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class ManuscriptKind(models.TextChoices):
    ARTICLE = "article", _("Text report")
    PHOTO = "photo", _("Photo report")
    VIDEO = "video", _("Video")
    NEWMEDIA = "newmedia", _("New-media post")
    INTERPRETATION = "interpretation", _("Plain-language interpretation")


def char_count(text: str) -> int:
    """Characters of a text, not counting whitespace (how editors count 字数). `str.split`
    splits on exactly the characters `str.isspace` accepts, in C."""
    return len("".join(text.split()))


class Manuscript(models.Model):
    """A piece of writing by one or more authors of an office.

    `version` is the optimistic lock: every change (edit or transition) bumps it through a
    conditional UPDATE, so a stale form or a double click changes nothing. `revision` counts
    saves of the text; once the manuscript has been submitted for review, each save keeps the
    previous text as a `ManuscriptVersion`.
    """

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="manuscripts")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="manuscripts",
                               verbose_name=_("office"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ManuscriptKind.choices,
                            default=ManuscriptKind.ARTICLE)
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="manuscripts", verbose_name=_("topic"))
    event_date = models.DateField(_("date of the event covered"), null=True, blank=True)
    editor = models.CharField(_("editor (责编)"), max_length=40, blank=True)
    supervisor = models.CharField(_("supervising editor (监制)"), max_length=40, blank=True)
    created_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="created_manuscripts")
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(default=1)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    authors = models.ManyToManyField(Member, through="ManuscriptAuthor", related_name="manuscripts")
    # A cache of states.derive_state() over the facts below, rebuilt by services.refresh_state()
    # after every change, so lists can filter and count by state in SQL. Never set by hand.
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.DRAFT,
                             db_index=True, editable=False)
    review_step = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    review_role = models.CharField(max_length=20, blank=True, editable=False)

    class Meta:
        verbose_name = _("manuscript")
        verbose_name_plural = _("manuscripts")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["congress", "-created_at"])]

    def __str__(self):
        return self.title

    @property
    def length(self) -> int:
        """Characters of body text, not counting whitespace (字数)."""
        return char_count(self.body)

    # What the state allows, asked by the permission rules (tribune.org.access), which sit below
    # the newsroom and so read the states through the object instead of importing them.
    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def is_submittable(self) -> bool:
        """May be sent (again) for review."""
        return self.state in SUBMITTABLE_STATES

    @property
    def is_in_review(self) -> bool:
        return self.state == State.IN_REVIEW

    @property
    def is_outlet_ready(self) -> bool:
        """Approved (or beyond): may be sent to outlets."""
        return self.state in OUTLET_READY_STATES


class ManuscriptAuthor(models.Model):
    """An author of a manuscript, in order, with a share of the credit (shares sum to 100)."""

    manuscript = models.ForeignKey(Manuscript, on_delete=models.CASCADE, related_name="authorships")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="authorships")
    position = models.PositiveSmallIntegerField(_("order"))
    share = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=2, default=Decimal("100"))

    class Meta:
        ordering = ["manuscript", "position"]
        constraints = [
            models.UniqueConstraint(fields=["manuscript", "member"], name="author_once_per_manuscript"),
            models.UniqueConstraint(fields=["manuscript", "position"], name="author_position_unique"),
            models.CheckConstraint(condition=models.Q(share__gt=0, share__lte=100), name="author_share_range"),
        ]

    def __str__(self):
        return f"{self.member} {self.share}%"


class ManuscriptVersion(models.Model):
    """The text of a manuscript as it stood at one revision (kept once it was first submitted)."""

    manuscript = models.ForeignKey(Manuscript, on_delete=models.CASCADE, related_name="versions")
    revision = models.PositiveIntegerField(_("revision"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    saved_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(_("saved"))

    class Meta:
        ordering = ["manuscript", "revision"]
        constraints = [
            models.UniqueConstraint(fields=["manuscript", "revision"], name="version_revision_unique"),
        ]

    def __str__(self):
        return f"{self.manuscript} r{self.revision}"


class AttachmentKind(models.TextChoices):
    IMAGE = "image", _("Image")
    VIDEO = "video", _("Video")
    DOCUMENT = "document", _("Document")


class Attachment(models.Model):
    """A file that goes with a manuscript; images need a caption."""

    manuscript = models.ForeignKey(Manuscript, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="attachments/%Y/%m/")
    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    content_type = models.CharField(max_length=80)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"))
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["manuscript", "uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class ReviewRequest(models.Model):
    """The writer put one revision of the manuscript up for review. The chain of steps is copied
    from the congress at that moment, so a later change of configuration does not move a
    manuscript already under review."""

    manuscript = models.ForeignKey(Manuscript, on_delete=models.CASCADE, related_name="review_requests")
    revision = models.PositiveIntegerField()
    chain = models.JSONField()
    requested_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    steps = models.PositiveSmallIntegerField()  # len(chain), kept for counting in SQL
    reason = models.CharField(max_length=20, default="submit")  # submit | resubmit | edited | files

    class Meta:
        ordering = ["manuscript", "requested_at", "id"]

    def __str__(self):
        return f"{self.manuscript} r{self.revision}"


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approved")
    RETURN = "return", _("Returned")


class Review(models.Model):
    """One step of the approval chain decided: approve, or return with a comment."""

    request = models.ForeignKey(ReviewRequest, on_delete=models.CASCADE, related_name="reviews")
    step = models.PositiveSmallIntegerField()
    step_role = models.CharField(max_length=20)
    reviewer = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="reviews")
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["request", "step", "decided_at"]
        constraints = [
            # A step is decided once per request: the second click of a double approval fails here.
            models.UniqueConstraint(fields=["request", "step"], name="review_step_once"),
        ]

    def __str__(self):
        return f"{self.request} step {self.step}: {self.decision}"


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PLATFORM = "platform", _("Submission platform")
    WECHAT = "wechat", _("WeChat")
    IN_PERSON = "in_person", _("In person")
    OTHER = "other", _("Other")


class Submission(models.Model):
    """An approved manuscript sent to one outlet."""

    manuscript = models.ForeignKey(Manuscript, on_delete=models.CASCADE, related_name="submissions")
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="submissions")
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices, default=Channel.EMAIL)
    submitted_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), db_index=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("submission")
        ordering = ["manuscript", "submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["manuscript", "outlet"], name="submission_once_per_outlet"),
        ]

    def __str__(self):
        return f"{self.manuscript} → {self.outlet}"


class Placement(models.TextChoices):
    NONE = "", _("Ordinary")
    FRONT_PAGE = "front_page", _("Front page (头版)")
    HEADLINE = "headline", _("Headline (头条)")
    FRONT_HEADLINE = "front_headline", _("Front-page headline (头版头条)")


class Publication(models.Model):
    """An outlet published the manuscript. Corrections keep the old values in
    `PublicationChange`; a withdrawal (撤稿) keeps its reason and the publication row."""

    submission = models.OneToOneField(Submission, on_delete=models.PROTECT, related_name="publication")
    published_on = models.DateField(_("publication date"), db_index=True)
    title = models.CharField(_("title as published"), max_length=200)
    address = models.CharField(_("address or page"), max_length=500, blank=True)
    placement = models.CharField(_("placement"), max_length=20, choices=Placement.choices, blank=True)
    combined = models.BooleanField(_("used in a combined report (综合用稿)"), default=False)
    recorded_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)
    withdrawn_for_error = models.BooleanField(_("withdrawn for a factual error"), default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("publication")
        ordering = ["-published_on", "-id"]

    def __str__(self):
        return f"{self.title}（{self.submission.outlet}）"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class PublicationChange(models.Model):
    """A correction or withdrawal of a publication, with the values before it and the reason."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=10)  # correct | withdraw
    reason = models.CharField(_("reason"), max_length=300)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    changed_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["publication", "changed_at", "id"]

    def __str__(self):
        return f"{self.kind}: {self.reason}"


class MetricSource(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    IMPORT = "import", _("Imported")


class MetricSnapshot(models.Model):
    """Reads, shares, likes and comments of a publication at a moment."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="metrics")
    taken_at = models.DateTimeField(_("taken at"))
    reads = models.PositiveIntegerField(_("reads"), default=0)
    shares = models.PositiveIntegerField(_("shares"), default=0)
    likes = models.PositiveIntegerField(_("likes"), default=0)
    comments = models.PositiveIntegerField(_("comments"), default=0)
    source = models.CharField(max_length=10, choices=MetricSource.choices, default=MetricSource.MANUAL)
    recorded_by = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("metric snapshot")
        ordering = ["publication", "taken_at", "id"]
        indexes = [models.Index(fields=["publication", "-taken_at"])]

    def __str__(self):
        return f"{self.publication_id} @ {self.taken_at:%Y-%m-%d}: {self.reads}"


class Reprint(models.Model):
    """Another outlet or site republished a publication."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="reprints")
    outlet = models.ForeignKey(Outlet, on_delete=models.SET_NULL, null=True, blank=True, related_name="reprints")
    outlet_name = models.CharField(_("reprinted by"), max_length=100)
    level = models.CharField(_("level"), max_length=12, choices=OutletLevel.choices)
    address = models.CharField(_("address"), max_length=500, blank=True)
    reprinted_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reprint")
        ordering = ["publication", "reprinted_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "address"], condition=~models.Q(address=""),
                                    name="reprint_address_once"),
        ]

    def __str__(self):
        return f"{self.outlet_name}: {self.publication}"


class JointReport(models.Model):
    """A manuscript produced together with a media outlet (联合报道)."""

    manuscript = models.OneToOneField(Manuscript, on_delete=models.CASCADE, related_name="joint_report")
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="joint_reports")
    contact = models.ForeignKey("outlets.MediaContact", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="joint_reports")
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("joint report")

    def __str__(self):
        return f"{self.manuscript}（{self.outlet}）"


class Instruction(models.Model):
    """A leadership instruction (领导批示) given on a manuscript."""

    manuscript = models.ForeignKey(Manuscript, on_delete=models.CASCADE, related_name="instructions")
    leader_name = models.CharField(_("leader"), max_length=60)
    level = models.CharField(_("level"), max_length=12, choices=OutletLevel.choices)
    given_on = models.DateField(_("date"))
    content = models.TextField(_("content"), blank=True)
    recorded_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("leadership instruction")
        ordering = ["manuscript", "given_on", "id"]

    def __str__(self):
        return f"{self.leader_name}: {self.manuscript}"
