from hypothesis import given
from hypothesis import strategies as st

from tribune.deputies.masking import mask_id_number, mask_phone


def test_a_mobile_number_keeps_its_prefix_and_last_four():
    assert mask_phone("13812345678") == "138****5678"


def test_an_id_number_keeps_its_region_and_last_four_never_the_birth_date():
    assert mask_id_number("130182197001011234") == "1301**********1234"


def test_short_and_empty_values_reveal_almost_nothing():
    assert mask_phone("") == ""
    assert mask_phone("8812345") == "*****45"
    assert mask_phone("123") == "***"
    assert mask_id_number("12345") == "*****"


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_a_masked_mobile_number_never_shows_its_middle_four_digits(phone):
    masked = mask_phone(phone)
    assert masked[3:7] == "****" and masked[:3] == phone[:3] and masked[-4:] == phone[-4:]


@given(st.text(alphabet="0123456789X", min_size=18, max_size=18))
def test_a_masked_id_number_never_shows_the_birth_date(id_number):
    masked = mask_id_number(id_number)
    assert masked[4:14] == "*" * 10 and len(masked) == 18
