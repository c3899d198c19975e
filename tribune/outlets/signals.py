"""What the outlets app does when the organisation reports something."""

from django.dispatch import receiver

from tribune.org.signals import congress_created
from tribune.outlets.services import catalogue_load


@receiver(congress_created)
def load_default_catalogue(sender, congress, **kwargs):
    """A new congress starts with the default outlet catalogue (in the same transaction)."""
    catalogue_load(congress)
