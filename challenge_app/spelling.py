"""UK English spelling for what the officer types, with a personal word list.

Everything typed in a challenge record is published to the scrutiny panel, so
the form marks misspelt words as they are typed. This module is the part with
no Qt in it: which stretches of text are words worth checking (``words``),
whether a word is spelt right (``Speller.check``), what it might have meant
(``Speller.suggest``) and the officer's own words (``Speller.add``).

Checking uses Hunspell (through ``chunspell``) and the British English
dictionary bundled in ``resources/dictionaries`` (see ``LICENCE.md`` there):
nothing is fetched at run time. Loading the dictionary takes ~150 ms and holds
the interpreter while it runs, so it never happens on import or at start-up:
``Speller.load`` runs when the window is idle after its first paint, or at the
first check. Each loaded dictionary is shared by every ``Speller`` in the
process and never changed: the personal words are kept beside it.

What is not checked (officers write codes and acronyms all the time, and a
red line under every one would teach them to ignore the red lines):

- anything with a digit in it: measure codes (``A09``, ``E20-22``), periods,
  ordinals, figures;
- acronyms in capitals, with a possessive or plural too (``DMBC``, ``NHS's``,
  ``KPIs``);
- web addresses and e-mail addresses;
- single letters and anything too long to be a word.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from challenge_app.errors import InputError, Problem
from challenge_app.export.atomic import write_atomically
from challenge_app.paths import data_dir, resource

log = logging.getLogger(__name__)

LANGUAGE = "en_GB"
PERSONAL_FILENAME = "spelling-words.txt"
#: How many suggestions the context menu offers.
SUGGESTIONS = 6
#: Longer than any English word: a pasted hash or a run of letters, not a typo.
LONGEST_WORD = 45
#: Checked words remembered; past this the cache starts again (memory stays small).
CACHE_SIZE = 50_000

APOSTROPHES = "'’"
# Letters and digits, joined by an apostrophe or a hyphen inside a word
# ("officer's", "well-being", "E20-22"); "_" is not part of a word.
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Web and e-mail addresses: their pieces are not words.
_ADDRESS = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)


def _may_hold_address(text: str) -> bool:
    """A quick test that spares the address search on almost every paragraph."""
    return "@" in text or "/" in text or "www." in text or "WWW." in text


class Word(NamedTuple):
    """A word in a piece of text: ``text == whole[start:end]``."""

    start: int
    end: int
    text: str


class Scan(NamedTuple):
    """What ``Speller.scan`` found, and whether every word was checked."""

    misspelt: list[Word]
    complete: bool


def _is_acronym(word: str) -> bool:
    """``DMBC``, ``DMBC's``, ``KPIs``, ``NHS-led`` (its first part): capitals, two or more."""
    stem = word
    if stem[-2:-1] in APOSTROPHES and stem[-1:] in "sS":
        stem = stem[:-2]
    elif stem.endswith("s") and len(stem) > 2:
        stem = stem[:-1]
    letters = [ch for ch in stem if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def worth_checking(word: str) -> bool:
    """False for the things officers write that are not dictionary words (see module)."""
    if len(word) < 2 or len(word) > LONGEST_WORD:
        return False
    if any(ch.isdigit() for ch in word):
        return False
    return not _is_acronym(word)


def _outside_addresses(text: str, found: Iterable[Word]) -> Iterator[Word]:
    """``found`` (in text order) less the words that are part of an address."""
    addresses = [m.span() for m in _ADDRESS.finditer(text)] if _may_hold_address(text) else []
    addresses.reverse()  # a stack, nearest last: both come in text order
    for word in found:
        while addresses and addresses[-1][1] <= word.start:
            addresses.pop()
        if not (addresses and addresses[-1][0] < word.end):
            yield word


def tokens(text: str) -> Iterator[Word]:
    """Every word-like stretch of ``text`` outside web and e-mail addresses."""
    found = (Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text))
    return _outside_addresses(text, found)


def words(text: str) -> Iterator[Word]:
    """The words in ``text`` worth checking, with where they are."""
    return (word for word in tokens(text) if worth_checking(word.text))


def word_at(text: str, position: int) -> Word | None:
    """The checkable word under ``position`` (a cursor just after a word counts)."""
    for word in words(text):
        if word.start <= position <= word.end:
            return word
        if word.start > position:
            break
    return None


@functools.cache
def _load_dictionary(folder: str, language: str) -> Any:
    """Hunspell over ``folder/language.{aff,dic}``; one per process, never modified."""
    import hunspell  # chunspell: imported here so start-up never pays for it

    return hunspell.Hunspell(language, hunspell_data_dir=folder)


def default_dictionary_dir() -> Path:
    return resource("dictionaries")


def default_personal_path() -> Path:
    return data_dir() / PERSONAL_FILENAME


def read_personal_words(path: Path) -> set[str]:
    """The officer's own words, one a line (a missing file is an empty list)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("personal word list %s not read: %s", path, exc)
        return set()
    return {line.strip() for line in text.lstrip("\ufeff").splitlines() if line.strip()}


class Speller:
    """UK English checking and suggestions, plus the officer's personal words.

    Cheap to make: nothing is read until ``load`` (or the first ``check``).
    If the dictionary cannot be read, ``available`` is False, nothing is
    marked as misspelt and the reason is logged: the program works on.
    """

    def __init__(
        self,
        dictionary_dir: Path | None = None,
        personal_path: Path | None = None,
        language: str = LANGUAGE,
    ):
        self.dictionary_dir = Path(dictionary_dir or default_dictionary_dir())
        self.personal_path = Path(personal_path or default_personal_path())
        self.language = language
        self._lock = threading.Lock()
        self._hunspell: Any = None
        self._loaded = False
        self._personal: set[str] = set()
        self._personal_folded: set[str] = set()
        self._cache: dict[str, bool] = {}

    # -- loading ----------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def available(self) -> bool:
        """Loaded and working (False before ``load`` and if the dictionary is unreadable)."""
        return self._hunspell is not None

    def load(self) -> None:
        """Read the dictionary and the personal words, once; later calls return at once."""
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            try:
                self._hunspell = _load_dictionary(str(self.dictionary_dir), self.language)
            except Exception as exc:  # any failure of a third-party loader: work on unchecked
                log.warning("spelling dictionary not loaded from %s: %s", self.dictionary_dir, exc)
                self._hunspell = None
            for word in read_personal_words(self.personal_path):
                self._remember(word)
            self._loaded = True

    # -- checking ---------------------------------------------------------
    def known(self, word: str) -> bool | None:
        """The cached answer for ``word``, or None if it has not been checked yet."""
        return self._cache.get(word)

    def check(self, word: str) -> bool:
        """True if ``word`` is spelt right (or is not a word worth checking)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        self.load()
        correct = self._check(word)
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = correct
        return correct

    def _check(self, word: str) -> bool:
        if self._hunspell is None or not worth_checking(word) or self._is_personal(word):
            return True
        if self._hunspell.spell(word):
            return True
        if "-" in word:
            # "DMBC-led", "council-commissioned": right if every part is.
            parts = [part for part in word.split("-") if part]
            return all(self.check(part) for part in parts)
        return False

    def misspelt(self, text: str) -> list[Word]:
        """The misspelt words in ``text``, in order."""
        return self.scan(text).misspelt

    def scan(self, text: str, deadline: float | None = None) -> Scan:
        """The misspelt words in ``text``, checking new words only until ``deadline``.

        The hot path of highlighting as the officer types: one regular
        expression pass and a dictionary look-up per word once it is cached;
        addresses are looked for only when something looks misspelt. A word
        never seen before costs a Hunspell call (~20 µs); past ``deadline``
        (``time.perf_counter()``) such words are left unchecked, counted as
        right for now, and ``complete`` is False so the caller can come back.
        """
        if not self._loaded:
            self.load()
        cache = self._cache
        suspects = []
        complete = True
        for match in _WORD.finditer(text):
            word = match.group()
            correct = cache.get(word)
            if correct is None:
                if deadline is not None and time.perf_counter() > deadline:
                    complete = False
                    continue
                correct = self.check(word)
            if not correct:
                suspects.append(Word(match.start(), match.end(), word))
        if suspects and _may_hold_address(text):
            suspects = list(_outside_addresses(text, suspects))
        return Scan(suspects, complete)

    def suggest(self, word: str, limit: int = SUGGESTIONS) -> list[str]:
        """Likely intended spellings, best first (none for a word spelt right)."""
        if self.check(word) or self._hunspell is None:
            return []
        curly = "’" in word
        found: list[str] = []
        for suggestion in self._hunspell.suggest(word.replace("’", "'")):
            if curly:  # keep the officer's typographic apostrophes
                suggestion = suggestion.replace("'", "’")
            if suggestion != word and suggestion not in found:
                found.append(suggestion)
            if len(found) == limit:
                break
        return found

    # -- the personal word list -------------------------------------------
    @property
    def personal_words(self) -> frozenset[str]:
        self.load()
        return frozenset(self._personal)

    def _remember(self, word: str) -> None:
        self._personal.add(word)
        self._personal_folded.add(word.casefold())

    def _is_personal(self, word: str) -> bool:
        """Added as typed, or capitalised / in capitals as at the start of a sentence."""
        if word in self._personal:
            return True
        if word.casefold() in self._personal_folded:
            lower = word[0].lower() + word[1:]
            return lower in self._personal or word.isupper() or word.capitalize() == word
        return False

    def add(self, word: str) -> None:
        """Accept ``word`` from now on, and keep it in the personal list for next time.

        The word counts at once even if the list cannot be saved; then an
        ``InputError`` says why, naming the file.
        """
        word = word.strip()
        if not word or any(ch.isspace() for ch in word):
            problem = Problem(f"{word!r} is not a single word", file=str(self.personal_path))
            raise InputError(problem)
        self.load()
        self._remember(word)
        self._cache.clear()  # "Word" and "WORD" may have changed too
        self._save()

    def _save(self) -> None:
        text = "".join(f"{w}\n" for w in sorted(self._personal, key=str.casefold))
        try:
            self.personal_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            folder = self.personal_path.parent
            problem = Problem(f"cannot create the folder {folder}: {exc.strerror}")
            raise InputError(problem) from exc
        write_atomically(
            self.personal_path,
            lambda temporary: temporary.write_text(text, encoding="utf-8", newline="\n"),
            what="your personal word list",
        )
