"""The explanation's Markdown renderer (plugins/safe_markdown), one converter reused for every text."""

from __future__ import annotations

import sys
import threading

from plugins.safe_markdown.render import render

FIRST = """## Kế hoạch thực hiện

Xem [văn bản][qd].

[qd]: https://example.org/quyet-dinh.pdf
"""

SECOND = """## Kế hoạch thực hiện

Một [tham chiếu][qd] không được định nghĩa trong văn bản này.
"""


def test_one_text_leaves_nothing_for_the_next():
    """The converter is reused: a heading's id and a link reference of one disclosure's text must not change
    the next one's (an id "ke-hoach-thuc-hien_1", a link the officer never wrote)."""
    render(FIRST)
    second = render(SECOND)
    assert 'id="ke-hoach-thuc-hien"' in second
    assert "example.org" not in second and "<a " not in second
    assert second == _in_a_new_thread(SECOND)  # as a converter that never saw FIRST renders it


def test_each_thread_renders_with_its_own_converter():
    """A converter holds the text being converted: two threads rendering at once each get their own text back."""
    texts = [f"## Mục {n}\n\n" + f"Nội dung số {n}. " * 200 + f"\n\n[{n}]: https://example.org/{n}" for n in range(8)]
    expected = [render(text) for text in texts]
    results: dict[int, list[str]] = {}

    def work(n: int) -> None:
        results[n] = [render(texts[(n + i) % len(texts)]) for i in range(40)]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns inside a conversion, as they could in any build
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    for n, rendered in results.items():
        assert rendered == [expected[(n + i) % len(texts)] for i in range(40)]


def _in_a_new_thread(text: str) -> str:
    rendered = []
    thread = threading.Thread(target=lambda: rendered.append(render(text)))
    thread.start()
    thread.join()
    return rendered[0]
