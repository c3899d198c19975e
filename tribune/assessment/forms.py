"""Forms of the reports half: the metrics upload, the notice's focus, the award criteria."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tribune.kit import forms as kit_forms


class MetricsUploadForm(kit_forms.Form):
    file = forms.FileField(label=_("Statistics file (.xlsx or .csv)"))
    taken_on = forms.DateField(label=_("Statistics as of"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}),
                               help_text=_("The day the figures were exported; today when left empty."))


class NoticeFocusForm(kit_forms.Form):
    focus = forms.CharField(label=_("Next month's focus"), widget=forms.Textarea(attrs={"rows": 5}),
                            max_length=4000, required=False)


class AwardCriteriaForm(kit_forms.Form):
    offices = forms.IntegerField(label=_("Advanced offices (先进集体)"), min_value=0, max_value=50, initial=3)
    writers = forms.IntegerField(label=_("Outstanding writers (优秀信息员)"), min_value=0, max_value=100, initial=5)
    min_city = forms.IntegerField(label=_("Minimum publications at city level or above"), min_value=0,
                                  max_value=500, initial=2)
    manuscripts = forms.IntegerField(label=_("Outstanding manuscripts (优秀稿件)"), min_value=0, max_value=100,
                                     initial=10)
