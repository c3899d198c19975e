from django.apps import AppConfig


class OutletsConfig(AppConfig):
    name = "tribune.outlets"
    label = "outlets"
