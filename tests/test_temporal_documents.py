"""``tag_documents``: JSONL documents in, JSONL timexes out, bad lines named."""

from __future__ import annotations

import json

import pytest

from timeline.errors import TimelineError
from timeline.temporal.documents import parse_dct, tag_documents


def test_documents_become_lines_of_timexes() -> None:
    lines = [
        json.dumps(
            {"id": "a", "dct": "2018-07-16", "text": "Paul said Monday he will go next week."}
        ),
        "",
        json.dumps(
            {"id": 7, "dct": "2018-07-16T16:30", "text": "It changed about four hours ago."}
        ),
    ]
    out = [json.loads(line) for line in tag_documents(lines)]
    assert out == [
        {"id": "a", "timexes": [
            {"start": 10, "end": 16, "text": "Monday", "type": "DATE", "value": "2018-07-16"},
            {"start": 28, "end": 37, "text": "next week", "type": "DATE", "value": "2018-W30"},
        ]},
        {"id": "7", "timexes": [
            {"start": 17, "end": 31, "text": "four hours ago", "type": "TIME",
             "value": "2018-07-16T12:30"},
        ]},
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ("[1, 2]", "line 2: each line must be a JSON object"),
        ('{"id": "x", "text": "t"}', 'line 2: missing "dct"'),
        ('{"id": "x", "dct": "16/07/2018", "text": "t"}', 'line 2: "dct" is not an ISO date'),
        ('{"id": "x", "dct": 2018, "text": "t"}', 'line 2: "dct" must be an ISO date string'),
        ('{"id": "x", "dct": "2018-07-16", "text": 5}', 'line 2: "text" must be a string'),
        ('{"id": "x", "dct": "2018-07-16", "text": "t", "lang": ""}', 'line 2: "lang" must be'),
    ],
)
def test_bad_lines_are_reported_with_their_number(line: str, message: str) -> None:
    good = json.dumps({"id": "a", "dct": "2018-07-16", "text": "today"})
    with pytest.raises(TimelineError, match="^" + message.replace("(", r"\(")):
        list(tag_documents([good, line]))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2018-07-16", "2018-07-16"), ("2018-07-16T09:30", "2018-07-16 09:30:00"),
     ("2018-07-16T09:30+02:00", "2018-07-16 09:30:00+02:00")],
)  # fmt: skip
def test_dct_may_be_a_date_or_a_date_time(value: str, expected: str) -> None:
    assert str(parse_dct(value)) == expected
