from django.apps import AppConfig


class DeputiesConfig(AppConfig):
    name = "tribune.deputies"
    label = "deputies"
