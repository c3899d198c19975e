"""tribune unlock LOGIN | --address IP: lift a login lockout from the server, audited."""

from django.core.management.base import BaseCommand, CommandError

from tribune.org import lockout
from tribune.org.audit import audit_record
from tribune.org.models import Member


class Command(BaseCommand):
    help = "Lift the login lockout of an account or of an address (recorded in the audit log)."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="the locked login name")
        parser.add_argument("--address", help="a locked client address instead")

    def handle(self, *args, username=None, address=None, **options):
        if bool(username) == bool(address):
            raise CommandError("Give a login name or --address, not both.")
        if address:
            count = lockout.unlock_address(address)
            audit_record(action="lockout.unlock", detail={"address": address, "by": "command"})
            self.stdout.write(f"{address}: {count} failures forgotten")
            return
        member = Member.objects.select_related("congress", "user").filter(user__username=username).first()
        count = lockout.unlock_account(username)
        audit_record(action="lockout.unlock", obj=member, congress=member.congress if member else None,
                     detail={"username": username, "by": "command"})
        self.stdout.write(f"{username}: {count} failures forgotten")
