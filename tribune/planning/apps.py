from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "tribune.planning"
    label = "planning"
