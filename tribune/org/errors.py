"""Errors services raise for a user to read. Views turn them into messages; nothing is saved."""

from django.db.models import F


class ServiceError(Exception):
    """Bad input or a state that does not allow the action; the message is for the user."""

    def __init__(self, message, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class StaleError(ServiceError):
    """The object changed since the form was shown; `current` is the object as it is now."""

    def __init__(self, message, current=None):
        super().__init__(message)
        self.current = current


def bump_version(obj, expected: int, message) -> None:
    """The optimistic lock: move `obj.version` from `expected` to `expected + 1` in one
    conditional UPDATE. Two requests based on the same version cannot both pass, whatever the
    database's isolation level, because the second UPDATE matches no row."""
    model = type(obj)
    rows = model.objects.filter(pk=obj.pk, version=expected).update(version=F("version") + 1)
    if rows != 1:
        raise StaleError(message, current=model.objects.filter(pk=obj.pk).first())
    obj.version = expected + 1
