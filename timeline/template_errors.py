"""A mistake in one of the user's templates is one line naming its file and line, not a
traceback: what a theme author needs to fix it. An error in the default theme or in our code
is a bug of ours, and keeps its traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import TracebackType

from jinja2 import Template, TemplateNotFound, TemplateSyntaxError, UndefinedError

from timeline.errors import TemplateError, TimelineError
from timeline.theme import default_theme_dir


@cache
def _default_theme() -> Path:
    return default_theme_dir().resolve()


def _users(filename: str | None) -> bool:
    return bool(filename) and not Path(filename or "").resolve().is_relative_to(_default_theme())


def theme_error(exc: Exception, source: Template | None = None) -> TemplateError | None:
    """The ``TemplateError`` to raise for ``exc`` if a user's template caused it, else None (re-
    raise it). ``source``: the template whose macro was being called, named when the call
    itself fails (a macro of the user's taking other arguments than the theme guide gives it).
    Called in the ``except`` clause of a render call, which costs nothing when none fails."""
    if isinstance(exc, TimelineError):
        return None
    where = _users_template_line(exc.__traceback__)
    if (
        where is None and source is not None and _users(source.filename)
        and isinstance(exc, TypeError) and "macro" in str(exc)
    ):  # fmt: skip
        where = str(source.filename)
    return None if where is None else TemplateError(f"{where}: {_problem(exc)}; fix the template")


@contextmanager
def theme_errors(source: Template | None = None) -> Iterator[None]:
    """``theme_error`` around a block (where it runs once, not for every page)."""
    try:
        yield
    except Exception as exc:
        error = theme_error(exc, source)
        if error is None:
            raise
        raise error from None


def _problem(exc: Exception) -> str:
    if isinstance(exc, TemplateNotFound):
        return f"no template named {exc.name!r}"
    if isinstance(exc, TemplateSyntaxError | UndefinedError) and exc.message:
        return exc.message
    return f"{type(exc).__name__}: {exc}"


def _users_template_line(tb: TracebackType | None) -> str | None:
    """``file:line`` of the innermost frame of a user's template in the traceback. A compiled
    template's frames hold the template in their globals (``__jinja_template__``), which maps
    the line of its code to the template's; Jinja's rewritten frames (``__jinja_exception__``)
    already stand at the template's file and line."""
    found = None
    while tb is not None:
        frame = tb.tb_frame
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            filename, line = template.filename, template.get_corresponding_lineno(tb.tb_lineno)
        elif "__jinja_exception__" in frame.f_globals:
            filename, line = frame.f_code.co_filename, tb.tb_lineno
        else:
            filename = None
        if filename is not None and _users(filename):
            found = f"{filename}:{line}"
        tb = tb.tb_next
    return found
