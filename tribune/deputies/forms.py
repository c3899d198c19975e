"""Forms of the deputies' pages: they parse input; services validate and save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tribune.deputies.models import Deputy, SeatLevel, Sector, StoryKind
from tribune.kit import forms as kit_forms
from tribune.kit.dates import cndate
from tribune.outlets.models import Outlet, OutletLevel
from tribune.planning.models import Activity

# The browser's date picker reads and writes ISO dates, whatever the page's language.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DeputyForm(kit_forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Name"), max_length=40)
    group = forms.CharField(label=_("Deputy group or constituency"), max_length=60,
                            help_text=_("e.g. 廉州镇代表小组"))
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    occupation = forms.CharField(label=_("Occupation"), max_length=120, required=False,
                                 help_text=_("work unit and position"))
    phone = forms.CharField(label=_("Contact phone"), max_length=30, required=False)
    id_number = forms.CharField(label=_("ID number"), max_length=18, required=False)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)
    is_active = forms.BooleanField(label=_("In office"), required=False, initial=True)


class SeatForm(kit_forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=[("", "—"), *SeatLevel.choices], required=False)
    term = forms.CharField(label=_("Term"), max_length=20, required=False, help_text=_("e.g. 第十届"))
    started_on = forms.DateField(label=_("Term began"), required=False, widget=DATE)


SeatFormSet = forms.formset_factory(SeatForm, extra=0, min_num=3, max_num=5)


class ImportForm(kit_forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))


class DeputyFilterForm(kit_forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    group = forms.CharField(label=_("Deputy group"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", _("All")), *Sector.choices], required=False)
    level = forms.ChoiceField(label=_("Level"), choices=[("", _("All")), *SeatLevel.choices], required=False)


class DeputiesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.group}）"


class ActivityField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{cndate(obj.start_date)} · {obj.get_kind_display()} · {obj.title}"


class StoryForm(kit_forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=StoryKind.choices)
    title = forms.CharField(label=_("Title"), max_length=120)
    happened_on = forms.DateField(label=_("Date"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=100, required=False)
    deputies = DeputiesField(label=_("Deputies"), queryset=Deputy.objects.none(),
                             widget=forms.SelectMultiple(attrs={"size": 8}))
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 6}))
    source = forms.CharField(label=_("Source"), max_length=100, required=False,
                             help_text=_("who brought the story: a deputy group, a town, a hotline …"))
    activity = ActivityField(label=_("Activity"), queryset=Activity.objects.none(), required=False,
                             empty_label=_("— none —"),
                             help_text=_("the activity of the planning calendar the story came from, if any"))
    activity_note = forms.CharField(label=_("Other activity"), max_length=200, required=False,
                                    help_text=_("an activity that is not in the planning calendar, if any"))

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("summary", "deputies"):
            self.fields[name].wide = True  # across the two columns (kit form template)
        # The congress's own activities only, the most recent first: another congress's is
        # neither offered nor accepted (an invalid choice).
        self.fields["activity"].queryset = Activity.objects.filter(congress=congress).order_by("-start_date", "-id")
        self.fields["deputies"].queryset = Deputy.objects.filter(congress=congress, is_active=True).order_by(
            "group", "name")


class StoryFilterForm(kit_forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All")), *StoryKind.choices], required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    typical = forms.BooleanField(label=_("Typical cases only"), required=False)

    def __init__(self, *args, **kwargs):
        from tribune.deputies.models import Stage

        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", _("All")), *Stage.choices]


class LinkManuscriptForm(kit_forms.Form):
    manuscript = forms.IntegerField(label=_("Manuscript"), min_value=1)


class InterviewForm(kit_forms.Form):
    held_on = forms.DateField(label=_("Date of the interview"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class TypicalForm(kit_forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class PublicationForm(kit_forms.Form):
    manuscript = forms.IntegerField(label=_("Manuscript"), min_value=1)
    outlet = forms.ModelChoiceField(label=_("Outlet"), queryset=Outlet.objects.none())
    published_on = forms.DateField(label=_("Publication date"), widget=DATE)
    title = forms.CharField(label=_("Title as published"), max_length=200)
    address = forms.CharField(label=_("Address or page"), max_length=500, required=False)

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = Outlet.objects.filter(congress=congress, is_active=True).order_by(
            "level", "name")


class ReprintForm(kit_forms.Form):
    publication = forms.IntegerField(label=_("Publication"), min_value=1)
    outlet_name = forms.CharField(label=_("Reprinted by"), max_length=100)
    level = forms.ChoiceField(label=_("Level"), choices=OutletLevel.choices)
    reprinted_on = forms.DateField(label=_("Date"), widget=DATE)
    address = forms.CharField(label=_("Address"), max_length=500, required=False)


class CoverageForm(kit_forms.Form):
    period = forms.ChoiceField(label=_("Period"), required=False,
                               choices=[("year", _("This year")), ("term", _("This term"))])
    dimension = forms.ChoiceField(label=_("Break down by"), required=False,
                                  choices=[("group", _("Deputy group")), ("sector", _("Sector")),
                                           ("level", _("Level"))])
    group = forms.CharField(label=_("Deputy group"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", _("All")), *Sector.choices], required=False)
    level = forms.ChoiceField(label=_("Level"), choices=[("", _("All")), *SeatLevel.choices], required=False)
