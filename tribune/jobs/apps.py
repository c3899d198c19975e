from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "tribune.jobs"
    label = "jobs"

    def ready(self):
        # Each app's `jobs.py` registers its handlers and sweeps.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("jobs")
