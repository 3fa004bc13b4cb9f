"""Folding Vietnamese text so that matching ignores case, spacing and diacritics.

Officers type headers as "Họ và tên chủ hộ", "HO VA TEN CHU HO" or
"Họ  và tên\u00a0chủ hộ"; citizens search "dong tam" for "Đồng Tâm". Unicode
decomposition strips the tone marks but leaves đ/Đ alone (it is a letter of
its own, not d plus a mark), so it is mapped by hand.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def nfc(text: str) -> str:
    """Compose combining marks: Windows-1258 files decode to decomposed tone marks."""
    return unicodedata.normalize("NFC", text)


def strip_marks(text: str) -> str:
    """"Đường Hòa An" -> "Duong Hoa An": same case, no diacritics."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """"Diện tích  (ha)" -> "dien tich ha": the key two spellings must share to match.

    Cached: tables repeat the same village, category and header spellings thousands of times."""
    return _NON_ALNUM.sub(" ", strip_marks(text).lower()).strip()


def slugify(text: str) -> str:
    """"Thôn Đồng Bến" -> "thon-dong-ben", for folder names and URLs."""
    return fold(text).replace(" ", "-")


# from a word's start only (\b): a match tried at every letter of a long word without đ would take time growing
# with the square of its length
_D_STROKE_WORD = re.compile(r"\b\w*đ\w*")


def d_stroke_words(text: str) -> str:
    """The words of `text` that contain đ, once each, lower case, with đ written d: "Đường đất" -> "dường dất".

    Pagefind folds tone marks but not đ (a letter of its own), so a citizen typing "duong" would
    miss "đường"; indexing these spellings beside the page closes the gap at little cost.
    """
    words = dict.fromkeys(_D_STROKE_WORD.findall(text.lower()))
    return " ".join(w.replace("đ", "d") for w in words)


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))
