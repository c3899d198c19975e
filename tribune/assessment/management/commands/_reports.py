"""What `notice` and `ranking` share: finding the congress and writing the file."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import translation

from tribune.kit.report import Report, render_docx, render_standalone_html, render_xlsx
from tribune.org.models import Congress

FORMATS = ("docx", "xlsx", "html")


def add_common_arguments(parser) -> None:
    parser.add_argument("--congress", required=True, help="congress code, e.g. gaocheng")
    parser.add_argument("--format", choices=FORMATS, default="xlsx")
    parser.add_argument("-o", "--output", required=True, help="file to write ('-' for standard output)")
    parser.add_argument("--districts", action="store_true",
                        help="rank the congress's districts by its own scheme (a city's upward ranking)")


def congress_of(code: str) -> Congress:
    congress = Congress.objects.filter(code=code).first()
    if congress is None:
        raise CommandError(f"no congress with code {code!r}")
    return congress


def render(report: Report, fmt: str) -> bytes:
    if fmt == "docx":
        return render_docx(report)
    if fmt == "xlsx":
        return render_xlsx(report)
    return render_standalone_html(report).encode()


def write(command, build, fmt: str, output: str) -> None:
    # Reports speak the site's language (Chinese), not the shell's.
    with translation.override(settings.LANGUAGE_CODE):
        data = render(build(), fmt)
    if output == "-":
        command.stdout.buffer.write(data) if hasattr(command.stdout, "buffer") else command.stdout.write(data.decode())
        return
    Path(output).write_bytes(data)
    command.stdout.write(f"{output}: {len(data)} bytes")
