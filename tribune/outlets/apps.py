from django.apps import AppConfig


class OutletsConfig(AppConfig):
    name = "tribune.outlets"
    label = "outlets"

    def ready(self):
        from tribune.outlets import signals  # noqa: F401  (a new congress gets the default catalogue)
