"""Deputies of the people's congress and the stories of their work.

A story's stage is not stored: it is derived from facts (interviews recorded, manuscripts linked,
live publications of those manuscripts) by `stages.derive_stage`. A typical case is a fact too:
a `TypicalCase` row, with who marked it, when and why.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tribune.deputies import masking
from tribune.deputies.stages import Stage as StageCode
from tribune.org.models import Congress, Member


class SeatLevel(models.TextChoices):
    NATIONAL = "national", _("National People's Congress")
    PROVINCE = "province", _("Provincial people's congress")
    CITY = "city", _("City people's congress")
    COUNTY = "county", _("District people's congress")
    TOWNSHIP = "township", _("Township people's congress")


class Sector(models.TextChoices):
    MEDICINE = "medicine", _("Medicine and health")
    CONSTRUCTION = "construction", _("Construction")
    AGRICULTURE = "agriculture", _("Agriculture")
    EDUCATION = "education", _("Education")
    ENTERPRISE = "enterprise", _("Enterprise")
    COMMUNITY = "community", _("Community and villages")
    GOVERNMENT = "government", _("Party and government")
    OTHER = "other", _("Other")


class Deputy(models.Model):
    """A deputy (人大代表) in the registry of a congress. Phone and ID number are personal
    information: pages and exports show them masked unless access.can_reveal_deputy_pi says
    otherwise, and each reveal is written to the audit log."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="deputies")
    name = models.CharField(_("name"), max_length=40)
    group = models.CharField(_("deputy group or constituency"), max_length=60,
                             help_text=_("e.g. 廉州镇代表小组"))
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, default=Sector.OTHER)
    occupation = models.CharField(_("occupation"), max_length=120, blank=True,
                                  help_text=_("work unit and position"))
    phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    id_number = models.CharField(_("ID number"), max_length=18, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    is_active = models.BooleanField(_("in office"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("deputy")
        verbose_name_plural = _("deputies")
        ordering = ["congress", "group", "name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "id_number"], condition=~models.Q(id_number=""),
                                    name="deputy_id_number_unique_in_congress"),
            models.UniqueConstraint(fields=["congress", "name", "group"], name="deputy_name_group_unique"),
        ]

    def __str__(self):
        return self.name

    @property
    def masked_phone(self) -> str:
        return masking.mask_phone(self.phone)

    @property
    def masked_id_number(self) -> str:
        return masking.mask_id_number(self.id_number)


class DeputySeat(models.Model):
    """A congress a deputy sits in: a deputy of the district may also sit in the city congress."""

    deputy = models.ForeignKey(Deputy, on_delete=models.CASCADE, related_name="seats")
    level = models.CharField(_("level"), max_length=10, choices=SeatLevel.choices)
    term = models.CharField(_("term"), max_length=20, help_text=_("e.g. 第十届"))
    started_on = models.DateField(_("term began"))

    class Meta:
        verbose_name = _("seat")
        ordering = ["deputy", "started_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["deputy", "level", "term"], name="seat_once_per_term"),
        ]

    def __str__(self):
        return f"{self.get_level_display()} {self.term}"


class StoryKind(models.TextChoices):
    RECEPTION = "reception", _("Receiving constituents")
    DISPUTE = "dispute", _("Resolving disputes")
    SUGGESTION = "suggestion", _("Making suggestions")
    INSPECTION = "inspection", _("Inspection and research")
    OTHER = "other", _("Other")


class Stage(models.TextChoices):
    LEAD = StageCode.LEAD, _("Lead")
    INTERVIEWED = StageCode.INTERVIEWED, _("Interviewed")
    DRAFTED = StageCode.DRAFTED, _("Drafted")
    PUBLISHED = StageCode.PUBLISHED, _("Published")


class DeputyStory(models.Model):
    """A story of deputies' work (履职故事): what happened, where, when, who told us, and the
    manuscripts that tell it. The planning activity it came from is kept as a note until the
    planning app offers activities to link to."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="deputy_stories")
    kind = models.CharField(_("kind"), max_length=12, choices=StoryKind.choices)
    title = models.CharField(_("title"), max_length=120)
    happened_on = models.DateField(_("date"), db_index=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    summary = models.TextField(_("summary"))
    source = models.CharField(_("source"), max_length=100, blank=True,
                              help_text=_("who brought the story: a deputy group, a town, a hotline …"))
    activity_note = models.CharField(_("activity"), max_length=200, blank=True,
                                     help_text=_("the work activity the story came from, if any"))
    deputies = models.ManyToManyField(Deputy, related_name="stories", verbose_name=_("deputies"))
    manuscripts = models.ManyToManyField("newsroom.Manuscript", through="StoryManuscript",
                                         related_name="deputy_stories", verbose_name=_("manuscripts"))
    created_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("deputy story")
        verbose_name_plural = _("deputy stories")
        ordering = ["-happened_on", "-id"]

    def __str__(self):
        return self.title


class StoryManuscript(models.Model):
    """A manuscript that tells a story, linked by whom and when."""

    story = models.ForeignKey(DeputyStory, on_delete=models.CASCADE, related_name="manuscript_links")
    manuscript = models.ForeignKey("newsroom.Manuscript", on_delete=models.CASCADE, related_name="story_links")
    linked_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["story", "linked_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["story", "manuscript"], name="story_manuscript_once"),
        ]

    def __str__(self):
        return f"{self.story_id} ↔ {self.manuscript_id}"


class StoryInterview(models.Model):
    """An interview done for a story: with whom, when, by whom (moves the story past 'lead')."""

    story = models.ForeignKey(DeputyStory, on_delete=models.CASCADE, related_name="interviews")
    held_on = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interview")
        ordering = ["story", "held_on", "id"]

    def __str__(self):
        return f"{self.story_id} @ {self.held_on}"


class TypicalCase(models.Model):
    """The story is a typical case (典型案例): marked by the coordinator or the director, with why."""

    story = models.OneToOneField(DeputyStory, on_delete=models.CASCADE, related_name="typical")
    reason = models.CharField(_("reason"), max_length=300)
    marked_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("typical case")
        verbose_name_plural = _("typical cases")
        ordering = ["-marked_at", "-id"]

    def __str__(self):
        return str(self.story)
