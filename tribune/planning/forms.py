"""Forms of planning: they parse input into values for the services; querysets are always the
member's own congress, so an id from another congress is simply not a valid choice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tribune.kit import forms as kit_forms
from tribune.newsroom import forms as newsroom_forms
from tribune.newsroom.models import Manuscript
from tribune.org.models import Member, Office
from tribune.outlets.models import MediaContact
from tribune.planning.models import ActivityKind, MeetingKind, Phase, TaskType

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CongressForm(kit_forms.Form):
    """A form whose member and office choices are the member's congress."""

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        congress = member.congress
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                model = field.queryset.model
                if model is Member:
                    field.queryset = Member.objects.filter(congress=congress, is_active=True).select_related(
                        "office").order_by("office__position", "name")
                elif model is Office:
                    field.queryset = Office.objects.filter(congress=congress)
                elif model is MediaContact:
                    field.queryset = MediaContact.objects.filter(congress=congress).select_related("outlet")
                elif model is Manuscript:
                    field.queryset = Manuscript.objects.filter(congress=congress).order_by("-created_at")


class MeetingForm(CongressForm):
    kind = forms.ChoiceField(label=_("kind"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("title"), max_length=200)
    start_date = forms.DateField(label=_("first day"), widget=DATE)
    end_date = forms.DateField(label=_("last day"), widget=DATE, required=False)
    place = forms.CharField(label=_("place"), max_length=200, required=False)
    agenda = forms.CharField(label=_("agenda"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class MeetingEditForm(MeetingForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["kind"]
        self.fields["end_date"].required = True


class TaskForm(CongressForm):
    title = forms.CharField(label=_("task"), max_length=200)
    phase = forms.ChoiceField(label=_("phase"), choices=Phase.choices)
    task_type = forms.ChoiceField(label=_("type"), choices=TaskType.choices)
    due_date = forms.DateField(label=_("deadline"), widget=DATE)
    assignee = forms.ModelChoiceField(label=_("assignee"), queryset=Member.objects.none(), required=False)
    office = forms.ModelChoiceField(label=_("office"), queryset=Office.objects.none(), required=False)


class TaskEditForm(TaskForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["task_type"]


class LinkForm(CongressForm):
    manuscript = forms.ModelChoiceField(label=_("manuscript"), queryset=Manuscript.objects.none(), required=False)


class KeyPointForm(kit_forms.Form):
    text = forms.CharField(label=_("key point"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    is_hot = forms.BooleanField(label=_("livelihood hot topic (民生热点)"), required=False)


class TemplateItemForm(CongressForm):
    title = forms.CharField(label=_("task"), max_length=200)
    phase = forms.ChoiceField(label=_("phase"), choices=Phase.choices)
    task_type = forms.ChoiceField(label=_("type"), choices=TaskType.choices)
    offset_days = forms.IntegerField(label=_("days from the meeting"), min_value=-90, max_value=90, initial=0,
                                     help_text=_("Before: days before the first day (e.g. -7). During: days after "
                                                 "the first day. After: days after the last day."))
    each_day = forms.BooleanField(label=_("one task per meeting day"), required=False)
    assignee = forms.ModelChoiceField(label=_("assignee"), queryset=Member.objects.none(), required=False)
    office = forms.ModelChoiceField(label=_("office"), queryset=Office.objects.none(), required=False)


class ActivityForm(CongressForm):
    kind = forms.ChoiceField(label=_("kind"), choices=ActivityKind.choices)
    title = forms.CharField(label=_("title"), max_length=200)
    start_date = forms.DateField(label=_("first day"), widget=DATE)
    end_date = forms.DateField(label=_("last day"), widget=DATE, required=False)
    places = forms.CharField(label=_("places"), max_length=300, required=False)
    description = forms.CharField(label=_("description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    offices = forms.ModelMultipleChoiceField(label=_("offices"), queryset=Office.objects.none(), required=False,
                                             widget=forms.CheckboxSelectMultiple)
    leaders = forms.ModelMultipleChoiceField(label=_("leaders"), queryset=Member.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        congress = self.member.congress
        self.fields["offices"].queryset = Office.objects.filter(congress=congress)
        self.fields["leaders"].queryset = (Member.objects.filter(congress=congress, is_active=True,
                                                                 roles__role__in=["leader", "director"])
                                           .distinct().order_by("name"))


class ActivityEditForm(ActivityForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class InvitationForm(CongressForm):
    contact = forms.ModelChoiceField(label=_("journalist"), queryset=MediaContact.objects.none())


class MaterialForm(kit_forms.Form):
    file = forms.FileField(label=_("file"))
    caption = forms.CharField(label=_("caption"), max_length=200, required=False)


class TopicForm(newsroom_forms.TopicForm):
    """A topic proposed for a meeting or an activity of the calendar."""

    meeting = forms.IntegerField(required=False, widget=forms.HiddenInput)
    activity = forms.IntegerField(required=False, widget=forms.HiddenInput)


class RegularMeetingForm(kit_forms.Form):
    date = forms.DateField(label=_("date"), widget=DATE)
    notes = forms.CharField(label=_("notes"), max_length=2000, required=False)


class ActionItemForm(CongressForm):
    text = forms.CharField(label=_("action"), max_length=300)
    owner = forms.ModelChoiceField(label=_("owner"), queryset=Member.objects.none())
    due_date = forms.DateField(label=_("due date"), widget=DATE)
