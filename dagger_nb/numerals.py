__all__ = ['BN_DIGITS', 'to_ascii_digits', 'to_bangla_digits', 'parse_number']

# %% ../nbs/02_graph.ipynb #469ab8b6
import math, re

# %% ../nbs/02_graph.ipynb #0f6c0987
BN_DIGITS = "০১২৩৪৫৬৭৮৯"
_TO_ASCII = str.maketrans(BN_DIGITS, "0123456789")
_TO_BANGLA = str.maketrans("0123456789", BN_DIGITS)

def to_ascii_digits(s) -> str:
    "`s` as a string with every Bangla digit replaced by its ASCII digit."
    return str(s).translate(_TO_ASCII)

def to_bangla_digits(x) -> str:
    "`x` (a number or a string) written with Bangla digits; a whole float drops its `.0`."
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e16: x = int(x)
    return str(x).translate(_TO_BANGLA)

# %% ../nbs/02_graph.ipynb #de243805
_CURRENCY_RE = re.compile(r"[$৳€£₹¥]|টাকা|(?i:\b(?:tk|taka|rs|usd|bdt)\b\.?)")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")
_MAX_NUMBER_CHARS = 64

def parse_number(text) -> float:
    """Read a number written as in the data: "১,২৫০.৫", "$80,000", "70000", "১২%", -3, 2.5.

    Bangla digits, thousands separators, currency signs and a trailing % are accepted
    ("১২%" reads as 12, the way answers are written). Anything else raises ValueError."""
    if isinstance(text, bool):
        raise ValueError(f"expected a number, got the boolean {text!r}")
    if isinstance(text, (int, float)):
        try: x = float(text)
        except OverflowError: raise ValueError(f"the number {str(text)[:20]}... is too large for a float") from None
    elif isinstance(text, str):
        s = to_ascii_digits(text).strip()
        if len(s) > _MAX_NUMBER_CHARS:
            raise ValueError(f"expected a number, got {len(s)} characters ({text[:30]!r}...)")
        s = _CURRENCY_RE.sub("", s.replace("\u2212", "-"))
        s = re.sub(r"[\s,_\u00a0\u2009]", "", s)
        if s.endswith("%"): s = s[:-1]
        if not _NUMBER_RE.fullmatch(s):
            raise ValueError(f"cannot read a number from {text!r}: write digits (Bangla or ASCII), e.g. '১,২৫০.৫', '$80,000' or '12%'")
        x = float(s)
    else:
        raise ValueError(f"expected a number or a string of digits, got {type(text).__name__}")
    if not math.isfinite(x):
        raise ValueError(f"{text!r} is not a finite number")
    return x