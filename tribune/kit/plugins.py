"""Plugins: functions that apps register from a module of the same name in each app, found with
Django's `autodiscover_modules`, so that the code that runs them (the dashboard of the UI shell,
the demo builder) imports none of the apps that provide them.

    # tribune/planning/dashboard.py
    from tribune.kit.plugins import dashboard_panels

    @dashboard_panels.register
    def panels(member) -> list[dict]: ...

They run in the order of INSTALLED_APPS, which lists the apps from the bottom layer up
(docs/architecture.md): the organisation's demo people exist before the newsroom's manuscripts.
"""

from django.apps import apps
from django.utils.module_loading import autodiscover_modules


class Plugins:
    """The functions registered from `<app>/<module>.py` of every installed app."""

    def __init__(self, module: str):
        self.module = module
        self._registered = []

    def register(self, function):
        if function not in self._registered:
            self._registered.append(function)
        return function

    def all(self) -> list:
        """Every registered function, by the position of its app in INSTALLED_APPS."""
        autodiscover_modules(self.module)  # imports each app's module once; then a no-op
        order = {config.name: i for i, config in enumerate(apps.get_app_configs())}

        def position(function):
            config = apps.get_containing_app_config(function.__module__)
            return order.get(config.name, len(order)) if config else len(order)

        return sorted(self._registered, key=position)


# `panels(member) -> list[dict]`: each dict names a "template" to include and the context it
# needs; the dashboard shows them in order.
dashboard_panels = Plugins("dashboard")
# `build(ctx)`: adds an app's part of the demo data set (kit.demo.DemoContext; tribune/web/demo.py
# runs them).
demo_builders = Plugins("demo")
# `panels(member, topic=None) -> list[dict]`: what an app adds to the topic pool (topic None) or
# to one topic's page (the meetings and activities a topic covers, from planning).
topic_panels = Plugins("topic_panels")
