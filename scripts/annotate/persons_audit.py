"""The editor's audit of the person authority: name-like words that match no person.

The audit lists capitalised sequences in the body paragraphs that no name, variant or short
form of ``sources/persons.yml`` covers, with their count and first place, so an editor can
see at a glance whom the authority still lacks. It filters what is obviously no name:

* words the texts also use in lower case (sentence-initial ``Although``, ``The``, titles
  such as ``President``) — the texts' own statistics;
* acronyms (``ASEAN``, ``VWP``) and Roman numerals;
* a small stop list of months, days, places, peoples and the words of organisations'
  names (a sequence with ``Party``, ``Conference`` or ``Agreement`` in it names a body).

What remains is for the editor to judge; it is not an error.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from scripts.annotate import runs
from scripts.annotate.fold import fold
from scripts.annotate.persons import (
    HONORIFICS,
    PLACE_NOUNS,
    FalseFriend,
    Mention,
    find_mentions,
    lower_vocabulary,
)
from scripts.annotate.persons_schema import Authority, load_authority
from scripts.errors import EditionError
from scripts.model import printed_text
from scripts.sources import Source, load_sources

MONTHS_AND_DAYS = (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
PLACES = (
    "Vietnam Viet Nam Cambodia Kampuchea Laos China Taiwan Korea Japan Burma Thailand Malaya "
    "Malaysia Singapore Indonesia Philippines India Pakistan Ceylon Nepal Afghanistan Tibet "
    "Mongolia Russia Soviet Union USSR America United States Britain Great British France "
    "Germany Italy Albania Yugoslavia Hungary Czechoslovakia Poland Cuba Algeria Paraguay "
    "Venezuela Australia Zealand New Europe Asia Africa Latin Middle East West Western "
    "Eastern North South Southeast Northern Southern Far Pacific Indochina Indo Hanoi Saigon "
    "Beijing Moscow Washington London Paris Geneva Berlin Bucharest Warsaw Bandung Calcutta "
    "Phnom Penh Vientiane Bangkok Kuala Lumpur Luang Prabang Haiphong Guangzhou Nanning "
    "Kunming Simao Mengzi Yunnan Guangxi Guangdong Hunan Hainan Xinjiang Jiangxi Changsha "
    "Jinggangshan Beidaihe Jinmen Mazu Yanan Kremlin Dien Bien Phu Viet Bac Sam Neua Phong "
    "Saly Pleiku Qui Nhon Tonkin Gulf Mekong Kampong Chhnang Poulo Wai Châu Đốc Tây Ninh "
    "Straits Island Mountains Province Zone Parallel Delta River Sea White House"
)
PEOPLES = (
    "Vietnamese Cambodian Cambodians Khmer Khmers Rouge Chinese Soviet Soviets Russian "
    "Russians American Americans French Lao Laotian Laotians Thai Thais Burmese Korean "
    "Japanese Indonesian Malaysian Malayan Albanian Albanians Algerian Pakistani Indian "
    "Sino Kampuchean Kampucheans Tibetans Czechoslovakian Hungarian European Asian Asians "
    "Australasian Communist Communists Vietminh Minh Pathet Indochinese German Germans "
    "British English"
)
BODY_WORDS = (
    "Party Parties Committee Congress Conference Union Army Front Council Agreement "
    "Agreements Accord Accords War Wars Ministry Department Office Group Commission "
    "Government Republic Assembly Movement Organization Plan Program Treaty Declaration "
    "University Press Politburo Plenum Embassy Affairs Staff Studies Bloc Division Regiment "
    "Campaign Incident Crisis Revolution Leap Forward Workers Labor Trade Unions Federation "
    "Pact Summit Assistance Economic Mutual Council Select House Liberation Forces Agency "
    "Intelligence Defense Security Central Current Declaration Anniversary Year Five "
    "Chapter Footnote Figure Source Summary Conclusion Note Nations Association Article "
    "Coalition Peace Cooperation Friendship Democratic People's People’s Gang Prime Seri"
)
ORGANS = "Lao Dong Nhan Dan Hoc Tap Guomindang Kuomintang Viet Minh"
"""The parties and party organs whose names read like persons' (``Lao Dong``, ``Nhan Dan``)."""
STOP = (
    frozenset(" ".join((MONTHS_AND_DAYS, PLACES, PEOPLES, ORGANS)).split())
    | PLACE_NOUNS
    | HONORIFICS
)
BODY = frozenset(BODY_WORDS.split())

_WORD = r"(?:[A-Z]\.|[A-Z][\w'’\-]*)"
_SEQUENCE = re.compile(rf"(?<![\w'’\-]){_WORD}(?:\s+(?:{_WORD}|(?:de|van|bin|von)\b))*")
_DERIVED = re.compile(r"(?:ist|ists|ism|isms|ite|ites|ization|phile|ians?|eans?|ese)$")
"""Endings of words derived from names or places (``Maoist``, ``Sinophile``, ``Aesopian``)."""


def _is_name_word(word: str, vocabulary: set[str]) -> bool:
    bare = re.sub(r"['’]s?$", "", re.sub(r"\W+$", "", word))
    if "-" in bare.strip("-"):
        return all(_is_name_word(part, vocabulary) for part in bare.split("-") if part)
    if _DERIVED.search(bare):
        return False
    folded = fold(bare)
    if not folded or folded.lower() in vocabulary or bare in STOP or folded in STOP:
        return False
    if re.fullmatch(r"[A-Z]{2,}[\w-]*|[IVXLC]+|[A-Za-z]", folded):
        return False
    return not folded.isdigit()


_SENTENCE_START = re.compile(r"(?:^|[.!?:][”’\"')\]]*\s+|[“\"(]\s*)$")


def _mid_sentence_words(texts: list[str]) -> set[str]:
    """Capitalised words the texts use inside a sentence (so not merely sentence-initial)."""
    words: set[str] = set()
    for text in texts:
        for match in re.finditer(r"[A-Z][\w'’\-]*", text):
            if not _SENTENCE_START.search(text[: match.start()]):
                words.add(re.sub(r"['’]s?$", "", match.group(0)))
    return words


def _candidates(text: str, vocabulary: set[str], inside: set[str]) -> list[str]:
    """Name-like sequences of a stretch of text, stop words trimmed off both ends.

    A word opening a sentence that the texts never capitalise inside a sentence is a
    common word (``Later``, ``Meanwhile``) and is dropped.
    """
    found = []
    for match in _SEQUENCE.finditer(text):
        words = match.group(0).split()
        if _SENTENCE_START.search(text[: match.start()]) and words[0] not in inside:
            words.pop(0)
        if any(re.sub(r"['’]s?$", "", w) in BODY for w in words):
            continue
        while words and not _is_name_word(words[0], vocabulary):
            words.pop(0)
        while words and not _is_name_word(words[-1], vocabulary):
            words.pop()
        if words and not all(re.fullmatch(r"[A-Z]\.", w) for w in words):
            found.append(re.sub(r"['’]s?$", "", " ".join(words)))
    return found


def audit(sources: Sequence[Source], authority: Authority) -> list[str]:
    """Name-like sequences in the body texts that match no person, with count and first place."""
    documents = [(source.meta.slug, source.document) for source in sources]
    found = find_mentions(documents, authority)
    covered: dict[tuple[str, str], list[tuple[int, int]]] = {}
    matches: list[Mention | FalseFriend] = [*found.mentions, *found.false_friends]
    for match in matches:
        covered.setdefault((match.source, match.location), []).append((match.start, match.end))
    vocabulary = lower_vocabulary(document for _, document in documents)
    texts: list[tuple[str, str, str]] = []
    for slug, document in documents:
        for location, inlines in runs(document):
            if location.startswith("p"):
                text = printed_text(inlines)
                for start, end in covered.get((slug, location), []):
                    # Blank out what the authority covers, keeping offsets and word breaks.
                    text = text[:start] + " " * (end - start) + text[end:]
                texts.append((slug, location, text))
    inside = _mid_sentence_words([text for _, _, text in texts])
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for slug, location, text in texts:
        for candidate in _candidates(text, vocabulary, inside):
            counts[candidate] += 1
            first.setdefault(candidate, f"{slug}#{location}")
    ordered = sorted(counts, key=lambda name: (-counts[name], fold(name), name))
    return [f"{name}\t{counts[name]}\t{first[name]}" for name in ordered]


def main_audit(root: Path) -> int:
    """Print the audit for the project at ``root``.

    The audit advises, it does not judge: it returns 0 whatever it lists (an editor reads the
    list), and 2 when the sources or the authority file cannot be loaded.
    """
    try:
        sources = load_sources(root)
        authority = load_authority(root / "sources" / "persons.yml", display="sources/persons.yml")
    except EditionError as error:
        print(error)
        return 2
    lines = audit(sources, authority)
    for line in lines:
        print(line)
    print(f"{len(lines)} name-like sequence(s) match no person in sources/persons.yml")
    return 0
