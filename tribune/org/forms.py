"""Forms of the organisation pages. They parse input; the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tribune.kit import forms as kit_forms
from tribune.org.models import ChainStep, Member, Office, Role


class MemberFilterForm(kit_forms.Form):
    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.none(), required=False,
                                    empty_label=_("All offices"))
    role = forms.ChoiceField(label=_("Role"), required=False, choices=[("", _("All roles")), *Role.choices])
    q = forms.CharField(label=_("Name or login"), required=False, max_length=60)
    inactive = forms.BooleanField(label=_("Show deactivated members"), required=False)

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.filter(congress=congress)


class MemberForm(kit_forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=40)
    title = forms.CharField(label=_("Job title"), max_length=60, required=False,
                            help_text=_("e.g. 副主任, 信息员"))
    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.none(), required=False,
                                    empty_label=_("— no office —"))
    roles = forms.MultipleChoiceField(label=_("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.filter(congress=congress)


class MemberCreateForm(MemberForm):
    username = forms.RegexField(
        label=_("Login name"), max_length=150, regex=r"^[\w.@+-]+\Z",
        error_messages={"invalid": _("Use letters, digits and @ . + - _ only.")},
    )
    password = forms.CharField(label=_("Initial password"), widget=forms.PasswordInput(render_value=False),
                               help_text=_("At least 8 characters; the member should change it."))

    field_order = ["username", "name", "title", "office", "roles", "password"]


class PasswordForm(kit_forms.Form):
    password = forms.CharField(label=_("New password"), widget=forms.PasswordInput,
                               help_text=_("At least 8 characters."))
    password2 = forms.CharField(label=_("New password again"), widget=forms.PasswordInput)

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class OfficeForm(kit_forms.Form):
    name = forms.CharField(label=_("Office name"), max_length=60)
    leader = forms.ModelChoiceField(label=_("Leader in charge"), queryset=Member.objects.none(), required=False,
                                    empty_label=_("— none —"))
    minimum_monthly = forms.IntegerField(label=_("Monthly minimum of manuscripts"), min_value=0, max_value=100,
                                         initial=0)
    position = forms.IntegerField(label=_("Order"), min_value=0, max_value=1000, initial=0,
                                  help_text=_("Offices are listed by this number."))

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = (
            Member.objects.filter(congress=congress, is_active=True, roles__role__in=[Role.LEADER, Role.DIRECTOR])
            .distinct().order_by("name")
        )


STEP_CHOICES = [("", _("— none —")), *ChainStep.choices]


class ChainForm(kit_forms.Form):
    """One to four ordered steps; empty steps at the end are dropped, a gap is refused."""

    step1 = forms.ChoiceField(label=_("Step 1"), choices=STEP_CHOICES)
    step2 = forms.ChoiceField(label=_("Step 2"), choices=STEP_CHOICES, required=False)
    step3 = forms.ChoiceField(label=_("Step 3"), choices=STEP_CHOICES, required=False)
    step4 = forms.ChoiceField(label=_("Step 4"), choices=STEP_CHOICES, required=False)

    def clean(self):
        data = super().clean()
        steps = [data.get(f"step{i}") or "" for i in range(1, 5)]
        while steps and not steps[-1]:
            steps.pop()
        if "" in steps:
            raise forms.ValidationError(_("Leave no empty step between two steps."))
        data["chain"] = steps
        return data
