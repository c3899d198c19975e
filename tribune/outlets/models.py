"""Where work is published, and the people there."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tribune.org.models import Congress
from tribune.outlets import vocabulary
from tribune.outlets.vocabulary import LEVEL_RANK


class OutletLevel(models.TextChoices):
    """The levels of `vocabulary.LEVELS`, highest first, with the names pages show."""

    NATIONAL = vocabulary.NATIONAL, _("National")
    PROVINCIAL = vocabulary.PROVINCIAL, _("Provincial")
    CITY = vocabulary.CITY, _("City")
    COUNTY = vocabulary.COUNTY, _("County")


class OutletKind(models.TextChoices):
    """The kinds of `vocabulary.KINDS`, with the names pages show."""

    NEWSPAPER = "newspaper", _("Newspaper")
    MAGAZINE = "magazine", _("Magazine")
    WEBSITE = "website", _("Website")
    WECHAT = "wechat", _("WeChat official account")
    TV = "tv", _("Television")
    APP = "app", _("News app")
    WEIBO = "weibo", _("Weibo")
    PLATFORM = "platform", _("Platform")


class Outlet(models.Model):
    """A newspaper, site, account or station a congress sends manuscripts to."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="outlets")
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=12, choices=OutletLevel.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=OutletKind.choices)
    address = models.CharField(_("web address"), max_length=200, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)
    version = models.PositiveIntegerField(default=1)  # the optimistic lock of its edit form
    updated_at = models.DateTimeField(auto_now=True)  # in the facts' fingerprint: the engine reads the level

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["congress", "level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "name"], name="outlet_name_unique_in_congress"),
        ]

    def __str__(self):
        return self.name

    @property
    def level_rank(self) -> int:
        return LEVEL_RANK[self.level]


class MediaContact(models.Model):
    """A journalist or editor at an outlet, or a contact at the propaganda department."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="media_contacts")
    outlet = models.ForeignKey(
        Outlet, on_delete=models.SET_NULL, null=True, blank=True, related_name="contacts",
        verbose_name=_("outlet"),
    )
    organisation = models.CharField(
        _("organisation"), max_length=100, blank=True, help_text=_("e.g. 区委宣传部, when not an outlet"),
    )
    name = models.CharField(_("name"), max_length=40)
    position = models.CharField(_("position"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["congress", "name"]

    def __str__(self):
        where = self.outlet.name if self.outlet_id else self.organisation
        return f"{self.name}（{where}）" if where else self.name
