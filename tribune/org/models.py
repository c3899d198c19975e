"""Congresses, their offices and the people in them, plus the audit log."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "city", _("City")
    COUNTY = "county", _("County")


class Role(models.TextChoices):
    DIRECTOR = "director", _("Director")
    LEADER = "leader", _("Leader in charge")
    OFFICE_HEAD = "office_head", _("Office head")
    COORDINATOR = "coordinator", _("Publicity coordinator")
    WRITER = "writer", _("Writer")
    AUDITOR = "auditor", _("Auditor")
    ADMIN = "admin", _("Administrator")
    SECURITY_ADMIN = "security_admin", _("Security administrator")


# 三员分立: the system administrator, the security administrator and the auditor are three
# different people, and none of them holds an editorial, leader or director role. A member
# holding one of these holds no other role (checked by `validate_roles`, by the services, and
# by a database trigger, migration 0004).
SEPARATED_ROLES = frozenset({Role.ADMIN.value, Role.SECURITY_ADMIN.value, Role.AUDITOR.value})


def validate_roles(roles) -> None:
    roles = set(roles)
    separated = roles & SEPARATED_ROLES
    if separated and len(roles) > 1:
        raise ValidationError(
            _("%(role)s is held alone: the administrator, the security administrator and the auditor are "
              "three different people with no other role."),
            params={"role": Role(sorted(separated)[0]).label}, code="separation_of_duties")


class ChainStep(models.TextChoices):
    """A step of the approval chain: a role resolved against the manuscript at run time."""

    OFFICE_HEAD = "office_head", _("Head of the manuscript's office")
    LEADER = "leader", _("Leader in charge of the office")
    DIRECTOR = "director", _("Director")
    COORDINATOR = "coordinator", _("Publicity coordinator")


DEFAULT_CHAIN = [ChainStep.LEADER.value, ChainStep.DIRECTOR.value]


def validate_chain(steps) -> None:
    if not isinstance(steps, list) or not 1 <= len(steps) <= 4:
        raise ValidationError(_("The approval chain must have one to four steps."))
    valid = set(ChainStep.values)
    for step in steps:
        if step not in valid:
            raise ValidationError(_("Unknown approval step: %(step)s"), params={"step": step})
    if len(set(steps)) != len(steps):
        raise ValidationError(_("A role may appear only once in the approval chain."))


class Congress(models.Model):
    """One standing committee of a people's congress. Every record belongs to exactly one."""

    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=30, help_text=_("e.g. 藁城区"))
    code = models.SlugField(_("code"), max_length=40, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
        verbose_name=_("parent congress"),
    )
    province = models.CharField(_("province"), max_length=30, blank=True)
    city = models.CharField(_("city"), max_length=30, blank=True)
    approval_chain = models.JSONField(_("approval chain"), default=list, validators=[validate_chain])

    class Meta:
        verbose_name = _("congress")
        verbose_name_plural = _("congresses")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def chain(self) -> list[str]:
        return list(self.approval_chain or DEFAULT_CHAIN)

    def ancestors(self) -> list["Congress"]:
        """The congresses above: parent first, then its parent …"""
        out, seen, current = [], {self.pk}, self.parent
        while current is not None and current.pk not in seen:
            out.append(current)
            seen.add(current.pk)
            current = current.parent
        return out

    def descendants(self) -> list["Congress"]:
        """The congresses below, one generation at a time, each in code order."""
        out, level, seen = [], [self.pk], {self.pk}
        while level:
            children = [c for c in Congress.objects.filter(parent_id__in=level).order_by("code") if c.pk not in seen]
            out += children
            seen.update(c.pk for c in children)
            level = [c.pk for c in children]
        return out


class Office(models.Model):
    """A unit of a congress (办公室, 法工委 …), supervised by one leader in charge."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="offices")
    name = models.CharField(_("name"), max_length=60)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    leader = models.ForeignKey(
        "Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="supervised_offices",
        verbose_name=_("leader in charge"),
    )
    minimum_monthly = models.PositiveSmallIntegerField(
        _("monthly minimum of manuscripts"), default=0,
    )

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["congress", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="office_name_unique_in_congress"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.leader_id and self.leader.congress_id != self.congress_id:
            raise ValidationError({"leader": _("The leader must belong to the same congress.")})


class Member(models.Model):
    """A user's membership in a congress: office, roles, active flag."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member")
    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="members")
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, null=True, blank=True, related_name="members",
        verbose_name=_("office"),
    )
    name = models.CharField(_("name"), max_length=40)
    title = models.CharField(_("job title"), max_length=60, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["congress", "office__position", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.office_id and self.office.congress_id != self.congress_id:
            raise ValidationError({"office": _("The office must belong to the same congress.")})

    @property
    def role_codes(self) -> frozenset[str]:
        """The member's roles; one query, cached (prefetch `roles` to avoid even that)."""
        cached = getattr(self, "_role_codes", None)
        if cached is None:
            cached = frozenset(r.role for r in self.roles.all())
            self._role_codes = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_codes.intersection(roles))

    def role_labels(self) -> list[str]:
        return [str(Role(code).label) for code in Role.values if code in self.role_codes]


class MemberRole(models.Model):
    """One role held by a member; a member may hold several (e.g. writer and office head)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("role")
        constraints = [models.UniqueConstraint(fields=["member", "role"], name="member_role_unique")]

    def __str__(self):
        return self.get_role_display()

    def clean(self):
        others = set(MemberRole.objects.filter(member_id=self.member_id).exclude(pk=self.pk)
                     .values_list("role", flat=True))
        try:
            validate_roles(others | {self.role})
        except ValidationError as exc:
            raise ValidationError({"role": exc.messages}) from exc


class PasswordState(models.Model):
    """When a user's password was last changed, and whether they must change it before anything
    else (first login, after an administrator's reset). The demo's and the tests' accounts are
    created with `expires` off, so they land on their pages."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_state")
    changed_at = models.DateTimeField(_("password changed at"), default=timezone.now)
    must_change = models.BooleanField(_("must change the password"), default=False)
    expires = models.BooleanField(_("password expires"), default=True)

    class Meta:
        verbose_name = _("password state")

    def __str__(self):
        return f"{self.user_id}: {self.changed_at:%Y-%m-%d}"


class RoleChangeRequest(models.Model):
    """A change to someone's administrator, security-administrator or auditor role, asked by one
    administrator and applied only when a second administrator confirms it (或 `tribune
    grant-role` on the server)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+", verbose_name=_("member"))
    roles_before = models.JSONField(_("roles before"), default=list)
    roles_after = models.JSONField(_("roles after"), default=list)
    requested_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)

    class Meta:
        verbose_name = _("role change request")
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"{self.target}: {self.roles_before} → {self.roles_after}"

    def labels(self, which: str) -> list[str]:
        return [str(Role(code).label) for code in getattr(self, which) if code in Role.values]


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log cannot be changed.")

    def delete(self):
        raise PermissionError("The audit log cannot be deleted.")


class AuditEntry(models.Model):
    """One line of the append-only audit log: who did what to which object, when, from where.

    Who and which congress are kept as plain values (ids, login name, congress code), not as
    foreign keys: deleting a user or a congress must not cascade into the log nor rewrite it
    (SET NULL is an UPDATE), and on PostgreSQL a trigger refuses every UPDATE and DELETE of
    this table (migration 0003). Entries are kept indefinitely (at least 180 days, 等保 2.0):
    nothing in the application deletes them."""

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user_id = models.BigIntegerField(_("user id"), null=True, blank=True)
    username = models.CharField(_("user"), max_length=150, blank=True)
    congress_id = models.BigIntegerField(_("congress id"), null=True, blank=True, db_index=True)
    congress_code = models.CharField(_("congress code"), max_length=40, blank=True)
    action = models.CharField(_("action"), max_length=60, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log cannot be deleted.")


class Notification(models.Model):
    """A line in a member's in-app inbox: an assignment, a return, an approval, a deadline."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=30)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "key"], condition=~models.Q(key=""),
                                    name="notification_key_once"),
        ]

    def __str__(self):
        return self.text
