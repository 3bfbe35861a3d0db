"""``timeline new``: a new site folder with everything needed for a first build.

``site_files`` is pure (names → text, tested as strings); ``create_site`` writes them, and
refuses to write into a folder that already holds anything.
"""

from __future__ import annotations

from pathlib import Path

from timeline.config import CACHE_FOLDER, CONFIG_FILE
from timeline.errors import OutputError

CONFIG = """\
# Settings for `timeline build`, `timeline serve` and `timeline check`.
# Paths are relative to this file's folder. Every key: docs/configuration.md

title = "{title}"
base_url = "/"                  # where the site will be published, e.g. "https://example.org/story/"
timezone = "UTC"                # IANA zone for dates written without one, e.g. "America/New_York"
language = "en"                 # language of articles without a 'lang:'
sources = ["articles"]          # folders (or files) of articles: .md .txt .html .jsonl .csv
output = "output"               # replaced whole by each build
templates = "templates"         # your overrides of the default theme, template by template
cache = "{cache}"       # extraction cache; `timeline clean` empties it
key_dates = 10                  # how many key dates to highlight
merge_text_threshold = 0.35     # how alike two reports must be to count as one event (0-1)
drafts = false                  # include articles marked 'draft: true'
"""

ARTICLE = """\
---
title: Trump and Putin meet in Helsinki
date: 2018-07-16T18:00:00+03:00
source: Example News
url: https://example.org/2018/07/16/helsinki
author: A. Reporter
tags: [russia, summit]
lang: en
---
President Trump met Russian President Vladimir Putin in Helsinki on Monday.

The two leaders spoke for two hours, a day after Trump called the European Union a foe.
They first met at the G20 summit in Hamburg last July.

Putin said he would welcome Trump in Moscow next year.
"""

TEMPLATES_README = """\
# Template overrides

A template here replaces the default theme's template of the same name, e.g.
`article.html`. To change only part of one, extend the default and override a block:

```jinja
{% extends "default/base.html" %}
{% block footer %}{{ super() }}<p>Our newsroom</p>{% endblock %}
```

Files in `static/` here replace or add to the theme's stylesheets and scripts.
Run `timeline serve` to see each change as you save it.
"""

README = """\
# {title}

A news timeline built with `timeline`.

Next steps:

1. Put articles in `articles/`: Markdown with front matter (see the example), saved
   news pages (`.html`, with `pip install 'newstimeline[html]'`), or JSONL/CSV exports.
2. `timeline serve` and open the address it prints: the site rebuilds as you edit.
3. `timeline check` lists articles it cannot read and dates it is unsure of; run it in CI.
4. `timeline build` writes the site to `output/`; publish that folder.

Settings are in `timeline.toml`; `timeline --help` lists every command.
"""

GITIGNORE = f"/output/\n/{CACHE_FOLDER}/\n"


def site_files(title: str) -> dict[str, str]:
    """The files of a new site, by relative path."""
    return {
        CONFIG_FILE: CONFIG.format(title=title.replace('"', '\\"'), cache=CACHE_FOLDER),
        "articles/2018-07-16-helsinki-summit.md": ARTICLE,
        "templates/README.md": TEMPLATES_README,
        "README.md": README.format(title=title),
        ".gitignore": GITIGNORE,
    }


def create_site(folder: Path, title: str | None = None) -> list[Path]:
    """Write a new site into ``folder`` (new or empty); return the files written."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; choose a new folder")
    if folder.exists() and any(folder.iterdir()):
        raise OutputError(f"{folder}: already exists and is not empty; choose a new folder")
    name = title or folder.resolve().name.replace("-", " ").replace("_", " ").strip().title()
    written = []
    for relative, text in site_files(name or "Timeline").items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        written.append(path)
    return written
