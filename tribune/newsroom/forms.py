"""Forms of the newsroom pages. They parse and shape input; the rules live in services."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tribune.kit import forms as kit_forms
from tribune.newsroom.models import Channel, ManuscriptKind, Placement
from tribune.newsroom.states import State
from tribune.org.models import Member, Office
from tribune.outlets.models import OutletLevel

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ListFilterForm(kit_forms.Form):
    """The filters of the manuscript list (GET). An invalid value only drops that filter."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Words in title or text")}))
    state = forms.ChoiceField(label=_("State"), required=False, choices=[("", _("All states")), *State.choices])
    office = forms.ModelChoiceField(label=_("Office"), required=False, queryset=None, empty_label=_("All offices"))
    author = forms.ModelChoiceField(label=_("Author"), required=False, queryset=None, empty_label=_("All authors"))
    level = forms.ChoiceField(label=_("Published at level"), required=False,
                              choices=[("", _("Any")), *OutletLevel.choices])
    date_from = forms.DateField(label=_("Created from"), required=False, widget=DATE_WIDGET)
    date_to = forms.DateField(label=_("Created until"), required=False, widget=DATE_WIDGET)
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=[
        ("-created", _("Newest first")), ("created", _("Oldest first")),
        ("-updated", _("Recently changed")), ("-event", _("Event date")),
    ])

    def __init__(self, *args, offices, authors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
        self.fields["author"].queryset = authors

    def filters(self) -> dict:
        """The valid filters only: a bad date or an unknown id is ignored (and shown as an error)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


class ManuscriptForm(kit_forms.Form):
    """Title, text and metadata of a manuscript. Authors come as ordered rows beside it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    body = forms.CharField(label=_("Text"), required=False,
                           widget=forms.Textarea(attrs={"class": "body", "rows": 20}))
    kind = forms.ChoiceField(label=_("Kind"), choices=ManuscriptKind.choices)
    topic = forms.ModelChoiceField(label=_("Topic"), required=False, queryset=None, empty_label=_("(none)"))
    event_date = forms.DateField(label=_("Date of the event covered"), required=False, widget=DATE_WIDGET)
    editor = forms.CharField(label=_("Editor (责编)"), max_length=40, required=False)
    supervisor = forms.CharField(label=_("Supervising editor (监制)"), max_length=40, required=False)

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics

    def clean_event_date(self):
        day = self.cleaned_data.get("event_date")
        if day and day > timezone.localdate() + dt.timedelta(days=366):
            raise forms.ValidationError(_("The event date is too far in the future."))
        return day


class AuthorForm(kit_forms.Form):
    """One row of a manuscript's authors: a member of the congress and their share (%). Shares
    are checked together by services.parse_authors (positive, two decimals, summing to 100)."""

    member = forms.ModelChoiceField(label=_("Author"), required=False, queryset=None, empty_label="—")
    share = forms.CharField(label=_("Share (%)"), required=False, max_length=12,
                            widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "share"}))

    def __init__(self, *args, members, row=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = (
            lambda m: f"{m.name}（{m.office.name}）" if m.office_id else m.name)
        # The rows sit in a table without labels of their own: each field says which row it is.
        if row is not None:
            for field in self.fields.values():
                field.widget.attrs["aria-label"] = f"{field.label} {row + 1}"

    def clean(self):
        data = super().clean()
        if data.get("share") and not data.get("member") and "member" not in self.errors:
            raise forms.ValidationError(_("Choose the author of each share."))
        return data


class BaseAuthorFormSet(forms.BaseFormSet):
    """The ordered author rows of the manuscript form; rows left blank are dropped."""

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "row": index}

    def authors(self) -> list[tuple]:
        """(member, share) in order, for services.parse_authors."""
        return [(f.cleaned_data["member"], f.cleaned_data.get("share") or "0")
                for f in self.forms if f.cleaned_data.get("member")]


AUTHORS_PREFIX = "authors"
AuthorFormSet = forms.formset_factory(AuthorForm, formset=BaseAuthorFormSet, extra=2, max_num=20, validate_max=True)


class DocxImportForm(kit_forms.Form):
    file = forms.FileField(label=_("Word file (.docx)"))


class AttachmentForm(kit_forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("JPG, PNG or GIF images, MP4 videos, Word files"))
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False,
                              help_text=_("Required for images"))


class VersionForm(kit_forms.Form):
    """A transition that only needs the version the page was based on."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class ReviewForm(VersionForm):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("return", _("Return"))])
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Required when you return the manuscript"))


class SubmitToOutletsForm(VersionForm):
    outlets = forms.ModelMultipleChoiceField(label=_("Outlets"), queryset=None,
                                             widget=forms.CheckboxSelectMultiple)
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, outlets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlets"].queryset = outlets
        self.fields["outlets"].label_from_instance = lambda o: f"{o.name}（{o.get_level_display()}）"


class PublicationForm(kit_forms.Form):
    published_on = forms.DateField(label=_("Publication date"), widget=DATE_WIDGET)
    title = forms.CharField(label=_("Title as published"), max_length=200)
    address = forms.CharField(label=_("Address or page"), max_length=500, required=False,
                              help_text=_("A web address, or the page, e.g. 第3版"))
    placement = forms.ChoiceField(label=_("Placement"), choices=Placement.choices, required=False)
    combined = forms.BooleanField(label=_("Used in a combined report (综合用稿)"), required=False)


class CorrectPublicationForm(PublicationForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason for the correction"), max_length=300)


class WithdrawPublicationForm(kit_forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason for the withdrawal"), max_length=300)
    factual_error = forms.BooleanField(label=_("Withdrawn for a factual error"), required=False)


class MetricsForm(kit_forms.Form):
    reads = forms.IntegerField(label=_("Reads"), min_value=0, max_value=2_000_000_000)
    shares = forms.IntegerField(label=_("Shares"), min_value=0, max_value=2_000_000_000, required=False)
    likes = forms.IntegerField(label=_("Likes"), min_value=0, max_value=2_000_000_000, required=False)
    comments = forms.IntegerField(label=_("Comments"), min_value=0, max_value=2_000_000_000, required=False)
    taken_on = forms.DateField(label=_("Counted on"), required=False, widget=DATE_WIDGET,
                               help_text=_("Leave empty for now"))


class ReprintForm(kit_forms.Form):
    outlet_name = forms.CharField(label=_("Reprinted by"), max_length=100)
    level = forms.ChoiceField(label=_("Level"), choices=OutletLevel.choices)
    reprinted_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    address = forms.CharField(label=_("Address"), max_length=500, required=False)


class InstructionForm(kit_forms.Form):
    leader_name = forms.CharField(label=_("Leader"), max_length=60)
    level = forms.ChoiceField(label=_("Level"), choices=OutletLevel.choices)
    given_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    content = forms.CharField(label=_("Content"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class TopicPeopleForm(kit_forms.Form):
    """A topic form whose office and writer are chosen among the member's congress."""

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        self.fields["office"].queryset = Office.objects.filter(congress=member.congress)
        self.fields["assignee"].queryset = Member.objects.filter(
            congress=member.congress, is_active=True).select_related("office").order_by("office__position", "name")


class TopicForm(TopicPeopleForm):
    title = forms.CharField(label=_("title"), max_length=200)
    description = forms.CharField(label=_("description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    office = forms.ModelChoiceField(label=_("office"), queryset=Office.objects.none(), required=False)
    assignee = forms.ModelChoiceField(label=_("assigned writer"), queryset=Member.objects.none(), required=False)
    due_date = forms.DateField(label=_("due date"), widget=DATE_WIDGET, required=False)


class TopicScheduleForm(TopicPeopleForm):
    due_date = forms.DateField(label=_("due date"), widget=DATE_WIDGET, required=False)
    office = forms.ModelChoiceField(label=_("office"), queryset=Office.objects.none(), required=False)
    assignee = forms.ModelChoiceField(label=_("assigned writer"), queryset=Member.objects.none(), required=False)
    close = forms.BooleanField(label=_("closed (covered or dropped)"), required=False)
