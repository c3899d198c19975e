"""Forms of the outlet pages. They parse input; the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tribune.kit import forms as kit_forms
from tribune.outlets.models import Outlet, OutletKind, OutletLevel


class OutletFilterForm(kit_forms.Form):
    level = forms.ChoiceField(label=_("Level"), required=False,
                              choices=[("", _("All levels")), *OutletLevel.choices])
    kind = forms.ChoiceField(label=_("Outlet kind"), required=False,
                             choices=[("", _("All kinds")), *OutletKind.choices])
    q = forms.CharField(label=_("Outlet name"), required=False, max_length=100)
    inactive = forms.BooleanField(label=_("Show outlets out of use"), required=False)


class OutletForm(kit_forms.Form):
    name = forms.CharField(label=_("Outlet name"), max_length=100)
    level = forms.ChoiceField(label=_("Level"), choices=OutletLevel.choices)
    kind = forms.ChoiceField(label=_("Outlet kind"), choices=OutletKind.choices)
    address = forms.CharField(label=_("Web address"), max_length=200, required=False,
                              help_text=_("Optional: the outlet's site, for reference."))
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)


class OutletEditForm(OutletForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ContactFilterForm(kit_forms.Form):
    outlet = forms.ModelChoiceField(label=_("Outlet"), queryset=Outlet.objects.none(), required=False,
                                    empty_label=_("All outlets"))
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = Outlet.objects.filter(congress=congress).order_by("name")


class ContactForm(kit_forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=40)
    outlet = forms.ModelChoiceField(label=_("Outlet"), queryset=Outlet.objects.none(), required=False,
                                    empty_label=_("— not at an outlet —"))
    organisation = forms.CharField(
        label=_("Other organisation"), max_length=100, required=False,
        help_text=_("When the contact is not at an outlet, e.g. the district propaganda department (区委宣传部)."),
    )
    position = forms.CharField(label=_("Position"), max_length=60, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = Outlet.objects.filter(congress=congress).order_by("name")

    def clean(self):
        data = super().clean()
        if not data.get("outlet") and not (data.get("organisation") or "").strip():
            raise forms.ValidationError(_("Choose an outlet or enter an organisation."))
        return data
