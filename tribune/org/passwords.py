"""The password policy: validators (with Chinese messages through the catalogue), and whether a
user must change their password now (first login, after an administrator's reset, expiry).

Settings (environment): TRIBUNE_PASSWORD_MIN_LENGTH (8), TRIBUNE_PASSWORD_CLASSES (3 of: lower
case, upper case, digits, other characters), TRIBUNE_PASSWORD_MAX_AGE_DAYS (90; 0: never).
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def character_classes(password: str) -> int:
    return sum((
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    ))


class CharacterClassesValidator:
    """At least `classes` of: lower-case letters, upper-case letters, digits, other characters."""

    def __init__(self, classes: int | None = None):
        self.classes = classes

    @property
    def required(self) -> int:
        return self.classes or settings.TRIBUNE_PASSWORD_CLASSES

    def validate(self, password, user=None):
        if character_classes(password) < self.required:
            raise ValidationError(
                _("The password must mix at least %(classes)d of: lower-case letters, upper-case letters, "
                  "digits, other characters.") % {"classes": self.required},
                code="password_too_plain")

    def get_help_text(self):
        return _("At least %(classes)d of: lower-case letters, upper-case letters, digits, other characters.") % {
            "classes": self.required}


class MinimumLengthValidator:
    """Django's, with the length from the environment."""

    def validate(self, password, user=None):
        length = settings.TRIBUNE_PASSWORD_MIN_LENGTH
        if len(password) < length:
            raise ValidationError(
                ngettext("The password must have at least %(length)d character.",
                         "The password must have at least %(length)d characters.", length) % {"length": length},
                code="password_too_short")

    def get_help_text(self):
        length = settings.TRIBUNE_PASSWORD_MIN_LENGTH
        return ngettext("At least %(length)d character.", "At least %(length)d characters.", length) % {
            "length": length}


class NotTheUserNameValidator:
    """Neither the login name nor the login name reversed, whatever the case, inside the password."""

    def validate(self, password, user=None):
        username = (getattr(user, "username", "") or "").lower()
        lowered = password.lower()
        if len(username) >= 3 and (username in lowered or username[::-1] in lowered):
            raise ValidationError(_("The password must not contain the login name."), code="password_has_username")

    def get_help_text(self):
        return _("Not the login name.")


def max_age() -> dt.timedelta | None:
    days = settings.TRIBUNE_PASSWORD_MAX_AGE_DAYS
    return dt.timedelta(days=days) if days > 0 else None


def change_reason(state) -> str | None:
    """Why the user must change their password before going on, or None. `state` is the user's
    PasswordState (None for a user created outside the services: treated as changed)."""
    if state is None:
        return None
    if state.must_change:
        return "must_change"
    age = max_age()
    if state.expires and age is not None and state.changed_at < timezone.now() - age:
        return "expired"
    return None
