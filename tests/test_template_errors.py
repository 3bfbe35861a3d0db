"""Which template errors become one line (a user's template) and which keep their traceback
(the default theme's, or our code's: bugs of ours)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import UndefinedError

from timeline.errors import TemplateError
from timeline.render import make_environment
from timeline.template_errors import theme_errors


def test_an_error_in_the_default_theme_keeps_its_traceback() -> None:
    env = make_environment(None)
    with pytest.raises(UndefinedError), theme_errors():
        env.get_template("about.html").render()  # none of its context: a caller's bug


def test_an_error_outside_any_template_is_not_blamed_on_one() -> None:
    with pytest.raises(ZeroDivisionError), theme_errors():
        1 / 0  # noqa: B018


def test_a_users_template_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("one\ntwo {{ missing }}\n", "utf-8")
    env = make_environment(tmp_path)
    with pytest.raises(TemplateError) as info, theme_errors():
        env.get_template("page.html").render()
    where = tmp_path / "page.html"
    assert str(info.value) == f"{where}:2: 'missing' is undefined; fix the template"
