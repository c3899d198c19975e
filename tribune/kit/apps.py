from django.apps import AppConfig


class KitConfig(AppConfig):
    """An app only so that its messages are translated like every app's."""

    name = "tribune.kit"
    label = "kit"
