"""Exports of the deputies' pages: each exporter builds a report (`tribune.kit.report`), which the
kit's one renderer writes out. They are lists a committee fills in, files or imports again, so
each sheet holds its table alone, the header in the first row (`plain_sheets`). Text stays text
(ID numbers and phones must not be rounded or reformatted by Excel or WPS); counts stay numbers
so they can be summed."""

from django.utils.translation import gettext as _

from tribune.deputies.models import Deputy
from tribune.kit.report import Report, Table


def _report(exporter, key: str) -> Report:
    table = Table(key, str(exporter.title()), exporter.header(), widths=exporter.widths)
    for row in exporter.rows():
        table.append(row)
    return Report(key=key, title=str(exporter.title()), tables=[table], plain_sheets=True)


class RegistryExporter:
    """The registry as rows: masked personal information unless `reveal`."""

    widths = (10, 18, 12, 30, 24, 16, 22, 8, 20)

    def __init__(self, congress, *, reveal: bool):
        self.congress, self.reveal = congress, reveal

    def title(self) -> str:
        return _("Registry of deputies")

    def header(self) -> list[str]:
        return [_("Name"), _("Deputy group"), _("Sector"), _("Occupation"), _("Congresses"), _("Contact phone"),
                _("ID number"), _("In office"), _("Note")]

    def report(self) -> Report:
        return _report(self, "registry")

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


class TypicalCasesExporter:
    """Typical cases with how far each travelled, the way the committee reports them."""

    widths = (36, 16, 12, 10, 10, 10, 12, 40, 40)

    def __init__(self, items):
        self.items = items  # [{"story": DeputyStory, "travel": selectors.case_travels() entry}]

    def title(self) -> str:
        return _("Typical cases")

    def report(self) -> Report:
        return _report(self, "typical-cases")

    def header(self) -> list[str]:
        return [_("Typical case"), _("Deputies"), _("Date"), _("Published at provincial level"),
                _("Published at city level"), _("Published at district level"),
                _("Reprinted by city/district new media"), _("Published by"), _("Reprinted by")]

    def rows(self):
        for item in self.items:
            story, travel = item["story"], item["travel"]
            reach = travel["reach"]
            yield [
                story.title, "、".join(d.name for d in story.deputies.all()), story.happened_on,
                reach.provincial_publications, reach.publications_by_level.get("city", 0),
                reach.publications_by_level.get("county", 0), reach.local_reprints,
                "；".join(f"{p['submission__outlet__name']}（{p['published_on']:%Y-%m-%d}）"
                         for p in travel["publications"]),
                "；".join(f"{r['outlet_name']}（{r['reprinted_on']:%Y-%m-%d}）" for r in travel["reprints"]),
            ]


class ImportTemplateExporter:
    """The empty registry a committee fills in to import: the header the importer reads and one
    example row (fictitious)."""

    widths = (10, 18, 10, 30, 14, 22, 12, 10, 12, 12)

    def title(self) -> str:
        return _("Registry of deputies")

    def report(self) -> Report:
        return _report(self, "template")

    def header(self) -> list[str]:
        return ["姓名", "代表小组", "行业", "职业", "联系电话", "身份证号", "所在人大", "届次", "任期开始", "备注"]

    def rows(self):
        yield ["张三", "廉州镇代表小组", "医药", "区人民医院医生", "13800000000", "", "区、市", "第十届", "2021-12-20",
               _("example row: delete it")]
