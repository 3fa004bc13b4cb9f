"""A disclosure's share picture, 1200×630 (the size Zalo and Facebook show whole), as PNG bytes.

Four colours in a palette image: the commune's red band, black title, grey figure, the status on a pale
tag. Text is wrapped by its drawn width; a title longer than four lines ends with "…". Without the font
(fonts-liberation2, installed by `make install`) there is no picture, and pages then carry no og:image.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
MARGIN = 60
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"))
PALETTE = [255, 255, 255, 138, 28, 28, 11, 12, 12, 60, 60, 60, 250, 236, 204]
WHITE, RED, BLACK, GREY, PALE = range(5)


def font_file(bold: bool) -> Path | None:
    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    return next((folder / name for folder in FONT_FOLDERS if (folder / name).is_file()), None)


def available() -> bool:
    return font_file(True) is not None and font_file(False) is not None


@lru_cache(maxsize=8)
def _font(bold: bool, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(font_file(bold)), size)


def _wrap(text: str, font, width: int, lines: int) -> list[str]:
    """At most `lines` lines of `text` no wider than `width`, the last ending with "…" when text is left over.
    Linear in what is drawn: the text is cut to what `lines` lines can hold before measuring, a word wider than
    a line is broken by letters (a 200,000-letter word once made a picture too big to draw), and wrapping stops
    at the first line that does not fit."""
    words = text[:lines * _MOST_LETTERS_A_LINE].split()
    wrapped, line = [], ""
    for word in words:
        pieces = [word] if font.getlength(word) <= width else _break_word(word, font, width)
        for piece in pieces:
            candidate = f"{line} {piece}".strip()
            if font.getlength(candidate) <= width or not line:
                line = candidate
            else:
                wrapped.append(line)
                line = piece
            if len(wrapped) > lines:
                break
        if len(wrapped) > lines:
            break
    if line and len(wrapped) <= lines:
        wrapped.append(line)
    cut = len(wrapped) > lines or len(" ".join(wrapped)) < len(" ".join(text.split()))
    wrapped = wrapped[:lines]
    if cut and wrapped:
        while wrapped[-1] and font.getlength(wrapped[-1] + " …") > width:
            wrapped[-1] = wrapped[-1].rsplit(" ", 1)[0] if " " in wrapped[-1] else wrapped[-1][:-1]
        wrapped[-1] += " …"
    return wrapped


_MOST_LETTERS_A_LINE = 120  # far more than a 1080-pixel line holds at the smallest size drawn


def _break_word(word: str, font, width: int) -> list[str]:
    """A word wider than `width` in pieces that fit, each found by halving (a few measurements a piece)."""
    pieces = []
    while word:
        low, high = 1, len(word)
        while low < high:
            middle = (low + high + 1) // 2
            if font.getlength(word[:middle]) <= width:
                low = middle
            else:
                high = middle - 1
        pieces.append(word[:low])
        word = word[low:]
    return pieces


def share_image(org: str, title: str, status: str | None = None, figure: str | None = None) -> bytes:
    """The picture: `org` in the band ("Ủy ban nhân dân xã Hòa An"), the title, the key figure, a tag (the
    posting's dates)."""
    from PIL import Image, ImageDraw

    image = Image.new("P", (WIDTH, HEIGHT), WHITE)
    image.putpalette(PALETTE + [0] * (768 - len(PALETTE)))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 96), fill=RED)
    draw.text((MARGIN, 30), org.upper(), font=_font(True, 32), fill=WHITE)
    y = 136
    title_font = _font(True, 58)
    for line in _wrap(title, title_font, WIDTH - 2 * MARGIN, 4):
        draw.text((MARGIN, y), line, font=title_font, fill=BLACK)
        y += 70
    if figure:
        figure_font = _font(False, 34)
        for line in _wrap(figure, figure_font, WIDTH - 2 * MARGIN, 2):
            draw.text((MARGIN, y + 18), line, font=figure_font, fill=GREY)
            y += 44
    if status:
        tag_font = _font(True, 32)
        right = MARGIN + 32 + int(tag_font.getlength(status))
        draw.rectangle((MARGIN, HEIGHT - 100, right, HEIGHT - 44), fill=PALE)
        draw.text((MARGIN + 16, HEIGHT - 90), status, font=tag_font, fill=RED)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()
