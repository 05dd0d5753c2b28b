"""UK English spelling: which words are checked, what is flagged, the personal list."""

from __future__ import annotations

from pathlib import Path

import pytest

from challenge_app.errors import InputError
from challenge_app.paths import data_dir
from challenge_app.spelling import (
    PERSONAL_FILENAME,
    Speller,
    default_personal_path,
    word_at,
    words,
    worth_checking,
)


@pytest.fixture
def speller(tmp_path: Path) -> Speller:
    return Speller(personal_path=tmp_path / "words.txt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The colour was red", ["The", "colour", "was", "red"]),
        ("the officer's view", ["the", "officer's", "view"]),
        ("the officer’s view", ["the", "officer’s", "view"]),
        ("the officers' views", ["the", "officers", "views"]),
        ("‘quoted’ words", ["quoted", "words"]),
        ("well-being and A09", ["well-being", "and"]),
        ("measures E20-22 and C1a", ["measures", "and"]),
        ("in 2016/17 Q1, the 3rd", ["in", "the"]),
        ("DMBC and the NHS's KPIs", ["and", "the"]),
        ("see https://example.org/some-paeg now", ["see", "now"]),
        ("see www.barnsley.gov.uk/teh now", ["see", "now"]),
        ("mail jo.bloggs@counicl.gov.uk today", ["mail", "today"]),
        ("a I x ok", ["ok"]),
        ("snake_case_words", ["snake", "case", "words"]),
        ("", []),
    ],
)
def test_the_words_worth_checking(text, expected):
    assert [w.text for w in words(text)] == expected
    for w in words(text):
        assert text[w.start : w.end] == w.text


@pytest.mark.parametrize(
    ("word", "worth"),
    [
        ("colour", True),
        ("DMBC", False),
        ("DMBC's", False),
        ("KPIs", False),
        ("Council", True),
        ("A09", False),
        ("E20-22", False),
        ("x", False),
        ("a" * 46, False),
    ],
)
def test_worth_checking(word, worth):
    assert worth_checking(word) is worth


@pytest.mark.parametrize(
    ("word", "correct"),
    [
        ("colour", True),
        ("color", False),
        ("organise", True),
        ("behaviour", True),
        ("behavior", False),
        ("centre", True),
        ("center", False),
        ("programme", True),
        ("recieve", False),
        ("Teh", False),
        ("Barnsley", True),
        ("Council", True),
        ("well-being", True),
        ("don't", True),
        ("don’t", True),
        ("DMBC", True),  # not checked: an acronym
        ("NHS-led", True),  # acronym part skipped, "led" right
        ("council-commisioned", False),
        ("A09", True),  # a measure code
    ],
)
def test_uk_english_checks(speller, word, correct):
    assert speller.check(word) is correct


def test_misspelt_words_are_found_with_their_places(speller):
    text = "The DMBC colour of A09 is recieve; see https://ex.org/colr. Teh end."
    found = speller.misspelt(text)
    assert [w.text for w in found] == ["recieve", "Teh"]
    assert [text[w.start : w.end] for w in found] == ["recieve", "Teh"]


def test_suggestions_put_the_likely_word_first(speller):
    assert speller.suggest("recieve")[0] == "receive"
    assert "colour" in speller.suggest("color")
    assert speller.suggest("colour") == []


def test_suggestions_keep_a_typographic_apostrophe(speller):
    assert "doesn’t" in speller.suggest("doesn’tt")


def test_word_at_a_position():
    text = "a recieve b"
    assert word_at(text, 4).text == "recieve"
    assert word_at(text, 9).text == "recieve"  # just after it
    assert word_at(text, 0) is None  # "a" is too short to check


def test_a_personal_word_is_accepted_and_kept_for_next_time(tmp_path):
    path = tmp_path / "data" / "words.txt"
    first = Speller(personal_path=path)
    assert not first.check("Dearne")
    first.add("Dearne")
    assert first.check("Dearne")
    assert first.check("DEARNE")
    assert not first.check("dearne")  # a proper noun stays capitalised
    assert path.read_text(encoding="utf-8") == "Dearne\n"

    again = Speller(personal_path=path)
    assert again.check("Dearne")
    assert again.personal_words == {"Dearne"}


def test_a_lower_case_personal_word_may_start_a_sentence(speller):
    speller.add("reablement")
    assert speller.check("reablement")
    assert speller.check("Reablement")


def test_the_personal_list_is_plain_sorted_utf8(tmp_path):
    path = tmp_path / "words.txt"
    speller = Speller(personal_path=path)
    for word in ("zebraish", "Ysgol", "añadido", "Bwrdd"):
        speller.add(word)
    assert path.read_bytes().decode("utf-8").splitlines() == [
        "añadido",
        "Bwrdd",
        "Ysgol",
        "zebraish",
    ]
    assert not list(tmp_path.glob(".~*"))  # no temporary file left behind


def test_adding_more_than_one_word_is_refused(speller):
    with pytest.raises(InputError, match="not a single word"):
        speller.add("two words")


def test_an_unsaveable_list_still_accepts_the_word_and_says_why(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    speller = Speller(personal_path=blocker / "words.txt")
    with pytest.raises(InputError) as caught:
        speller.add("Dearne")
    assert "not-a-folder" in str(caught.value)
    assert speller.check("Dearne")


def test_a_missing_dictionary_marks_nothing(tmp_path):
    speller = Speller(dictionary_dir=tmp_path / "nowhere", personal_path=tmp_path / "w.txt")
    assert speller.check("recieve")
    assert speller.misspelt("Teh recieve") == []
    assert speller.suggest("recieve") == []
    assert speller.loaded and not speller.available


def test_nothing_is_read_until_first_use(tmp_path):
    speller = Speller(personal_path=tmp_path / "w.txt")
    assert not speller.loaded
    assert speller.known("colour") is None
    speller.check("colour")
    assert speller.loaded and speller.known("colour") is True


def test_the_personal_list_lives_in_the_data_folder():
    assert default_personal_path() == data_dir() / PERSONAL_FILENAME


def test_a_scan_past_its_deadline_leaves_new_words_for_later(speller):
    speller.load()
    assert speller.check("recieve") is False  # now cached
    first = speller.scan("recieve and teh", deadline=0.0)  # no time for new words
    assert [w.text for w in first.misspelt] == ["recieve"]
    assert not first.complete
    second = speller.scan("recieve and teh")
    assert [w.text for w in second.misspelt] == ["recieve", "teh"]
    assert second.complete
