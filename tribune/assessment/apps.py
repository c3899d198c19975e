from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "tribune.assessment"
    label = "assessment"

    def ready(self):
        from tribune.assessment import signals

        signals.connect()
