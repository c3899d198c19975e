"""Logging filters (imported while logging is configured, before the apps load: no models here)."""

import logging


class ForbiddenWithoutTraceback(logging.Filter):
    """Django logs every PermissionDenied on `django.request` with its traceback. A refusal is an
    expected answer (and is in the audit log with who and why): keep the one WARNING line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
