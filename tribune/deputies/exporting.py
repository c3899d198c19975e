"""Exports of the deputies' pages. One exporter class yields the rows; one renderer per format,
so the page and the file cannot disagree."""

import io

from django.utils.translation import gettext as _

from tribune.deputies.models import Deputy


class RegistryExporter:
    """The registry as rows: masked personal information unless `reveal`."""

    def __init__(self, congress, *, reveal: bool):
        self.congress, self.reveal = congress, reveal

    def title(self) -> str:
        return _("Registry of deputies")

    def header(self) -> list[str]:
        return [_("Name"), _("Deputy group"), _("Sector"), _("Occupation"), _("Congresses"), _("Contact phone"),
                _("ID number"), _("In office"), _("Note")]

    def deputies(self):
        return (Deputy.objects.filter(congress=self.congress).prefetch_related("seats")
                .order_by("group", "name", "pk"))

    def rows(self):
        for deputy in self.deputies():
            seats = "、".join(f"{seat.get_level_display()}{seat.term}" for seat in deputy.seats.all())
            yield [
                deputy.name, deputy.group, deputy.get_sector_display(), deputy.occupation, seats,
                deputy.phone if self.reveal else deputy.masked_phone,
                deputy.id_number if self.reveal else deputy.masked_id_number,
                _("Yes") if deputy.is_active else _("No"), deputy.note,
            ]


def render_xlsx(exporter) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(exporter.title())[:31]
    sheet.append(exporter.header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in exporter.rows():
        # ID numbers and phones as text, so Excel and WPS neither round nor reformat them.
        sheet.append([str(value) if value is not None else "" for value in row])
    for column, width in zip("ABCDEFGHI", (10, 18, 12, 30, 24, 16, 22, 8, 20), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
