from django.core.management import call_command
from django.core.management.base import BaseCommand

from tribune.web import demo


class Command(BaseCommand):
    help = "Load the demo data if the database has none, print the demo logins, and serve."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="load the data and stop")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, no_serve, host, port, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if demo.build() is None:
            self.stdout.write("演示数据已存在，未重复加载。 (Demo data already present.)")
        else:
            self.stdout.write(self.style.SUCCESS("演示数据已加载。 (Demo data loaded.)"))
        self.stdout.write(f"\n演示账号（密码均为 {demo.DEMO_PASSWORD}）/ demo logins (password {demo.DEMO_PASSWORD}):")
        for username, role in demo.LOGINS:
            self.stdout.write(f"  {username:<18} {role}")
        self.stdout.write("")
        if not no_serve:
            call_command("serve", host=host, port=port)
