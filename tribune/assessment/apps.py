from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "tribune.assessment"
    label = "assessment"
