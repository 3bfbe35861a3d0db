"""One exception family for problems the user can fix; the CLI shows ``str(exc)`` on one line."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class. The message names the file (and line) and says what to do."""


class ArticleError(TimelineError):
    """An input article cannot be read: bad front matter, no date, not UTF-8, ..."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.message = message
        self.line = line

    def __reduce__(self) -> tuple[type[ArticleError], tuple[str, str, int | None]]:
        # Pickled back from worker processes (executors); the default would call
        # ArticleError(formatted_text) and fail, breaking the whole process pool.
        return (type(self), (self.path, self.message, self.line))


class ConfigError(TimelineError):
    """The configuration is invalid; the message lists every problem at once."""


class OutputError(TimelineError):
    """The output folder cannot be written as asked (e.g. it is the source folder)."""


class TemplateError(TimelineError):
    """A template of the user's theme fails: bad syntax, an undefined name, a missing include."""
