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
