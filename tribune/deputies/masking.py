"""Masking of personal information (pure: no Django). A masked value keeps enough to tell two
people apart on a list (the operator's prefix and the last four digits) and no more."""


def mask_phone(phone: str) -> str:
    """138****5678 for a mobile number; shorter numbers keep only their last two characters."""
    phone = (phone or "").strip()
    if not phone:
        return ""
    if len(phone) >= 11:
        return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
    if len(phone) > 4:
        return "*" * (len(phone) - 2) + phone[-2:]
    return "*" * len(phone)


def mask_id_number(id_number: str) -> str:
    """1301**********1234: the region prefix and the last four, never the birth date."""
    id_number = (id_number or "").strip()
    if not id_number:
        return ""
    if len(id_number) >= 15:
        return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]
    return "*" * len(id_number)
