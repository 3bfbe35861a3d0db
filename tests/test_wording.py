from timeline.wording import counted


def test_counts_are_written_as_a_person_would() -> None:
    assert [counted(n, "article") for n in (0, 1, 2, 5000)] == [
        "0 articles", "1 article", "2 articles", "5000 articles"
    ]
