"""The assessment scheme (考核细则) as data, the score ledger (计分明细) it produces, and the
events the scheme needs that no other app records (commissioned pieces, 约稿).

The ledger is a cache of `engine.score(facts, scheme)`: rows are replaced as a whole for one
(scheme, congress) by `services.score_recompute`, never edited by hand.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tribune.org.models import Congress, Member, Office


class ScoringScheme(models.Model):
    """One congress's assessment rules for one year. `document` holds the rules as data, in the
    shape `scheme_format.parse` returns and `scheme_format.validate` accepts; `version` is the
    optimistic lock of the edit form and counts changes."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="scoring_schemes")
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=100)
    document = models.JSONField(_("rules"), default=dict)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name=_("updated by"))

    class Meta:
        verbose_name = _("scoring scheme")
        verbose_name_plural = _("scoring schemes")
        ordering = ["congress", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "year"], name="scheme_once_per_congress_year"),
        ]

    def __str__(self):
        return self.name or f"{self.congress} {self.year}"


class SchemeChange(models.Model):
    """One saved change of a scheme: who, when, how (edit form, file import, demo), a summary
    and the whole document as it stood after the change, so any earlier version can be read."""

    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="changes")
    version = models.PositiveIntegerField(_("version"))
    changed_by = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name=_("changed by"))
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    source = models.CharField(_("source"), max_length=10)  # create | edit | import | demo
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    document = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("scheme change")
        ordering = ["scheme", "-version", "-id"]

    def __str__(self):
        return f"{self.scheme} v{self.version}"


class Commission(models.Model):
    """A piece commissioned from an office (约稿) by a media outlet, the propaganda department or
    the committee itself, with a due date. Delivered when a manuscript is linked to it; the
    scheme may deduct points from the office when the due date passes without one."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="commissions")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="commissions",
                               verbose_name=_("office"))
    title = models.CharField(_("title"), max_length=200)
    requested_by = models.CharField(_("commissioned by"), max_length=100, blank=True)
    due_date = models.DateField(_("due date"))
    manuscript = models.ForeignKey("newsroom.Manuscript", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="commissions", verbose_name=_("delivered manuscript"))
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    created_by = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("commissioned piece")
        verbose_name_plural = _("commissioned pieces")
        ordering = ["congress", "due_date", "id"]

    def __str__(self):
        return self.title


class SubjectKind(models.TextChoices):
    MEMBER = "member", _("Person")
    OFFICE = "office", _("Office")


class FactKind(models.TextChoices):
    SUBMISSION = "submission", _("Submission")
    PUBLICATION = "publication", _("Publication")
    METRICS = "metrics", _("Reads and shares")
    REPRINT = "reprint", _("Reprint")
    JOINT_REPORT = "joint_report", _("Joint report")
    INSTRUCTION = "instruction", _("Leadership instruction")
    WITHDRAWAL = "withdrawal", _("Withdrawal")
    COMMISSION = "commission", _("Commissioned piece")
    MINIMUM = "minimum", _("Monthly minimum")
    CAP = "cap", _("Cap")


class ScoreEntry(models.Model):
    """One line of the ledger: a subject (a person or an office) gains or loses `points` under
    one rule because of one fact, on the date the points count on (`period`).

    The foreign keys have no database constraint (Django still cascades deletions): the ledger
    is a cache replaced as a whole, and checking tens of thousands of deferred constraints at
    commit was most of a county's recompute time on PostgreSQL. For the same reason only two
    indexes are kept: the one every report reads by, and the manuscript's.

    `congress` is the congress whose facts were scored; `scheme` the scheme that scored them.
    They are the same congress for a congress's own ledger, and differ when a city applies its
    scheme to a district's facts (upward ranking). Person entries also carry the office the
    manuscript belongs to, so individuals can be grouped by office; office totals are the sum
    of the entries whose `subject_kind` is "office".
    """

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="score_entries",
                                 db_constraint=False, db_index=False)
    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="entries",
                               db_constraint=False, db_index=False)
    year = models.PositiveSmallIntegerField(_("year"))
    period = models.DateField(_("date"))
    subject_kind = models.CharField(_("subject"), max_length=6, choices=SubjectKind.choices)
    member = models.ForeignKey(Member, on_delete=models.CASCADE, null=True, blank=True, related_name="score_entries",
                               verbose_name=_("person"), db_constraint=False, db_index=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, null=True, blank=True, related_name="score_entries",
                               verbose_name=_("office"), db_constraint=False, db_index=False)
    points = models.DecimalField(_("points"), max_digits=10, decimal_places=2)
    rule = models.CharField(_("rule"), max_length=40)
    rule_label = models.CharField(_("rule"), max_length=100)
    fact_kind = models.CharField(_("fact"), max_length=14, choices=FactKind.choices)
    manuscript = models.ForeignKey("newsroom.Manuscript", on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="score_entries", db_constraint=False, db_index=False)
    submission = models.ForeignKey("newsroom.Submission", on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="score_entries", db_constraint=False, db_index=False)
    publication = models.ForeignKey("newsroom.Publication", on_delete=models.CASCADE, null=True, blank=True,
                                    related_name="score_entries", db_constraint=False, db_index=False)
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="score_entries", db_constraint=False, db_index=False)
    fact_id = models.PositiveBigIntegerField(null=True, blank=True)  # reprint / instruction / snapshot id
    explanation = models.CharField(_("explanation"), max_length=300)
    seq = models.PositiveIntegerField(default=0)  # the engine's order, for a stable display

    class Meta:
        verbose_name = _("score entry")
        verbose_name_plural = _("score ledger")
        ordering = ["period", "seq"]
        indexes = [
            # Every report reads through `selectors.ledger_for`: scheme, congress, a date range.
            models.Index(fields=["scheme", "congress", "period"]),
            # Deleting a manuscript deletes its entries.
            models.Index(fields=["manuscript"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(subject_kind="member", member__isnull=False)
                           | models.Q(subject_kind="office", office__isnull=False)),
                name="score_entry_has_subject",
            ),
        ]

    def __str__(self):
        return self.explanation


class LedgerState(models.Model):
    """When the ledger of (scheme, congress) was last computed, and from what: the scheme's
    version and a fingerprint of the facts (counts and latest ids/times), and the day until
    which the same facts score the same (a month's end or a due date passing changes them).
    Reading the ledger compares them with the present and recomputes when any moved."""

    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="ledger_states")
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    scheme_version = models.PositiveIntegerField()
    fingerprint = models.TextField()
    valid_until = models.DateField(null=True)  # engine.valid_until: the first day it is out of date
    computed_at = models.DateTimeField()
    marker = models.PositiveBigIntegerField(default=0)  # FactsMarker.version when last verified
    verified_at = models.DateTimeField(null=True)  # when the full fingerprint last matched
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scheme", "congress"], name="ledger_state_once"),
        ]

    def __str__(self):
        return f"{self.scheme} / {self.congress}"


class NoticeNote(models.Model):
    """The coordinator's words in one monthly notice (月通报): next month's focus."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="notice_notes")
    month = models.DateField(_("month"))  # first day of the month
    focus = models.TextField(_("next month's focus"), blank=True)
    updated_by = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notice note")
        constraints = [models.UniqueConstraint(fields=["congress", "month"], name="notice_note_once")]

    def __str__(self):
        return f"{self.congress} {self.month:%Y-%m}"


class Award(models.Model):
    """One confirmed annual award (年评优): an office (先进集体), a person (优秀信息员) or a
    manuscript (优秀稿件), confirmed by the committee."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="awards")
    year = models.PositiveSmallIntegerField(_("year"))
    category = models.CharField(_("category"), max_length=12)  # office | writer | manuscript
    office = models.ForeignKey(Office, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    manuscript = models.ForeignKey("newsroom.Manuscript", on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="+")
    points = models.DecimalField(_("points"), max_digits=10, decimal_places=2, default=0)
    rank = models.PositiveSmallIntegerField(_("rank"), default=0)
    confirmed_by = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award")
        ordering = ["year", "category", "rank"]

    def __str__(self):
        return f"{self.year} {self.category} {self.rank}"


class FactsMarker(models.Model):
    """A counter per congress, moved whenever one of its scored facts is saved or deleted
    (signals in `assessment/signals.py`). Reading the ledger compares it with the counter the
    ledger was computed at: the cheap check; the full fingerprint of the facts is the periodic
    one, for changes made without signals (queryset updates, bulk inserts)."""

    congress = models.OneToOneField(Congress, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.congress_id}: {self.version}"
