import pytest
from hypothesis import given, strategies as st
from dagger_nb.numerals import to_ascii_digits, to_bangla_digits, parse_number


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
