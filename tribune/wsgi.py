"""The WSGI application, for gunicorn (`tribune serve`)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tribune.settings")
application = get_wsgi_application()


def _freeze_startup_objects() -> None:
    """Load every view now, then move what start-up made out of the cycle collector's way:
    the oldest generation's collections, which walk every object the process holds, then
    walk only what requests create (the slow tail of page times is mostly those walks)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every app's views and their modules
    gc.collect()
    gc.freeze()


_freeze_startup_objects()
