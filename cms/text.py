"""Folding Vietnamese text for matching: one place for accents, case and punctuation.

"Xã Tả Van", "XA TA VAN" and "xa ta van" all fold to "xa ta van"; đ/Đ fold to "d",
which Unicode decomposition alone does not do.
"""

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.lower()).strip()
