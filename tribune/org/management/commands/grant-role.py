"""tribune grant-role LOGIN ROLE [ROLE ...]: set a member's roles from the server (三员分立: the
way to make the first administrator, security administrator or auditor, and the alternative to a
second administrator's confirmation). Audited as role.grant."""

import getpass

from django.core.management.base import BaseCommand, CommandError

from tribune.org.errors import ServiceError
from tribune.org.models import Role
from tribune.org.services import role_grant_by_command


class Command(BaseCommand):
    help = "Set a member's roles (replacing the ones they hold), recorded in the audit log."

    def add_arguments(self, parser):
        parser.add_argument("username", help="the member's login name")
        parser.add_argument("roles", nargs="+", choices=Role.values, help="the roles the member holds afterwards")

    def handle(self, *args, username, roles, **options):
        try:
            operator = getpass.getuser()
        except (KeyError, OSError):
            operator = "unknown"
        try:
            member = role_grant_by_command(username=username, roles=roles, operator=operator)
        except ServiceError as exc:
            raise CommandError(str(exc.message)) from exc
        self.stdout.write(f"{member.user.username} ({member.congress.code}): {', '.join(sorted(member.role_codes))}")
