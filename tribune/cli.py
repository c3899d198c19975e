"""The `tribune` command: Django's management commands plus Tribune's own
(`tribune demo`, `tribune serve`, `tribune notice`, ...)."""

import os
import sys


def main() -> None:
    if sys.argv[1:3] == ["reprints", "match"]:
        # The analysts' matcher needs no database and no settings: it runs before Django starts.
        from tribune.reprints.cli import main as reprints_main

        sys.exit(reprints_main(sys.argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tribune.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tribune", *sys.argv[1:]])


if __name__ == "__main__":
    main()
