"""The `tribune` command: Django's management commands plus Tribune's own
(`tribune demo`, `tribune serve`, `tribune notice`, ...)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tribune.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tribune", *sys.argv[1:]])


if __name__ == "__main__":
    main()
