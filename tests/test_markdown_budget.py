"""Article text is untrusted, its size too: python-markdown's inline parsing is quadratic in a
block's marks (upstream issue #798), so a block that would take more than the article's share
of work (``sanitize.INLINE_BUDGET``) is shown as plain text, and every other block as usual."""

from __future__ import annotations

import pytest

from timeline import sanitize
from timeline.sanitize import INLINE_BUDGET, article_html, inline_steps

PROSE = (
    'The *senator* said "we will [vote](https://example.org/a_b) on Monday" and AT&amp;T '
    "agreed, <em>according</em> to `the record`."
)


def test_real_prose_spends_a_sliver_of_the_budget() -> None:
    assert inline_steps("The committee met on Monday.") == 0  # no mark at all
    assert 0 < inline_steps(PROSE) < INLINE_BUDGET // 100_000
    # a 50 KB paragraph of it, as a CMS export without paragraph breaks would give
    assert inline_steps(" ".join([PROSE] * 400)) < INLINE_BUDGET // 2


def test_marks_that_never_close_count_the_way_to_the_end() -> None:
    closed, unclosed = "[a] " * 100 + "x" * 10_000, "[a " * 100 + "x" * 10_000
    assert inline_steps(unclosed) > 50 * inline_steps(closed)


def test_a_hostile_block_is_plain_text_and_the_rest_is_markdown() -> None:
    # 5,000 unclosed '[' after a run of emphasis: without the budget this one block takes
    # python-markdown about half a minute here
    hostile = "*a* " * 2_000 + "[" * 5_000
    assert inline_steps(hostile) > INLINE_BUDGET
    html = article_html(f"{PROSE}\n\n{hostile}\n\nLater, *Paul* went to [Moscow](https://e.org).")
    first, middle, last = html.split("</p>")[:3]
    assert "<em>senator</em>" in first and '<a href="https://example.org/a_b"' in first
    assert "*a* *a*" in middle and "<em>" not in middle  # as typed, escaped, inert
    assert "<em>Paul</em>" in last and '<a href="https://e.org"' in last


def test_blocks_share_the_budget_in_the_order_they_come(monkeypatch: pytest.MonkeyPatch) -> None:
    block = "*a* and *b* and *c*"
    monkeypatch.setattr(sanitize, "INLINE_BUDGET", inline_steps(block) * 2)
    html = article_html("\n\n".join([block] * 3))
    assert html.count("<em>") == 6  # the first two blocks
    assert html.rstrip().endswith("<p>*a* and *b* and *c*</p>")  # the third overdraws it
