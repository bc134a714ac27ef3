import pytest
from hypothesis import given, strategies as st
from dagger_nb.numerals import BN_DIGITS, to_ascii_digits, to_bangla_digits, parse_number


@pytest.mark.parametrize("text,want", [
    ("১,২৫০.৫", 1250.5), ("$80,000", 80000.0), ("70000", 70000.0), ("১২%", 12.0),
    ("৳ ১,০০,০০০", 100000.0), ("-3.5", -3.5), ("−৭", -7.0), (" 42 ", 42.0), ("1e3", 1000.0),
    (12, 12.0), (2.5, 2.5),
])
def test_parse_number_reads_data_formats(text, want):
    assert parse_number(text) == want


@pytest.mark.parametrize("bad", ["", "abc", "১২ও", "1.2.3", "nan", "NaN", "inf", "-Infinity", "1e999",
                                 True, None, [1], "9" * 500, float("nan"), float("inf"), 10**400])
def test_parse_number_rejects_with_value_error(bad):
    with pytest.raises(ValueError) as e:
        parse_number(bad)
    assert str(e.value)  # a message, not a bare exception


def test_error_message_shows_the_input():
    with pytest.raises(ValueError, match="বারো"):
        parse_number("বারো")


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_bangla_roundtrip_integers(n):
    s = to_bangla_digits(n)
    assert not any(c in "0123456789" for c in s)
    assert parse_number(s) == float(n)
    assert to_ascii_digits(s) == str(n)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_bangla_roundtrip_floats(x):
    assert parse_number(to_bangla_digits(x)) == pytest.approx(x, rel=1e-12, abs=1e-12)


@given(st.text(max_size=200))
def test_parse_number_only_raises_value_error(s):
    try:
        parse_number(s)
    except ValueError:
        pass


def test_digit_table():
    assert len(BN_DIGITS) == 10 and to_ascii_digits(BN_DIGITS) == "0123456789"
