"""Form helpers shared by every app's views."""

from tribune.org.errors import ServiceError


def add_service_error(form, error: ServiceError) -> None:
    """A service's refusal shown on the field it names, or above the form."""
    form.add_error(error.field if error.field in form.fields else None, str(error.message))
