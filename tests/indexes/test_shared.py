"""Shared timeline entries are events: compatible dates and the same named happening."""

from __future__ import annotations

import pytest

from scripts.annotate.dates import Event, all_events, paragraph_events
from scripts.indexes.shared import evidence, happenings, shared_events
from scripts.sources import Source, load_sources
from tests.conftest import ROOT


def _events(slug: str, text: str, n: int = 1) -> list[Event]:
    return paragraph_events(slug, n, text)[0]


def _pair(a: tuple[str, str], b: tuple[str, str]) -> list[tuple[Event, ...]]:
    return shared_events(_events(*a) + _events(*b))


def test_same_year_with_nothing_else_in_common_is_not_shared() -> None:
    groups = _pair(
        ("cia", "North Vietnam preferred Beijing's militant position throughout 1960 and 1961."),
        ("cwihp", "At the end of 1960, Mao promised Ho Chi Minh that China would send food."),
    )
    assert groups == []


def test_a_day_and_a_year_with_only_names_of_persons_in_common_are_not_shared() -> None:
    groups = _pair(
        ("cia", "Pham Van Dong had praised these programs during Zhou Enlai's visit, in 1960."),
        ("cwihp", "On 21 May 1960, Mao and Zhou Enlai had a conversation with Kim Il Sung."),
    )
    assert groups == []


def test_a_later_repudiation_of_an_agreement_is_not_a_visit_during_the_conference() -> None:
    groups = _pair(
        (
            "cia",
            "The second stage was initiated by the Lao Prime Minister's repudiation of the "
            "Geneva Agreements of 1954.",
        ),
        (
            "cwihp",
            "During the Geneva Conference in 1954, Zhou Enlai had visited Burma and issued a "
            "joint declaration with Prime Minister U Nu.",
        ),
    )
    assert groups == []


def test_the_same_named_agreement_is_shared_with_its_evidence() -> None:
    groups = _pair(
        ("cia", "The Vientiane agreement of November 1957 was a victory for the bloc."),
        ("other", "In 1957 the Vientiane agreement brought the Pathet Lao into the government."),
    )
    assert len(groups) == 1
    assert evidence(groups[0]) == "both name the Vientiane agreement"


def test_the_outbreak_of_one_war_told_in_different_words_is_shared() -> None:
    groups = _pair(
        ("cia", "Ho initiated a full-scale war against France in December 1946."),
        ("cwihp", "But the Franco-Vietminh war broke out in December 1946."),
    )
    assert len(groups) == 1
    assert "war against France" in evidence(groups[0])


def test_a_recurring_kind_of_happening_needs_equal_dates() -> None:
    groups = _pair(
        ("cia", "Ho initiated a full-scale war against France in 1946."),
        ("cwihp", "But the Franco-Vietminh war broke out in December 1946."),
    )
    assert groups == []


def test_a_date_far_from_the_named_happening_does_not_date_it() -> None:
    (event,) = _events(
        "cia",
        "They called for a new Geneva Conference to uphold the legality of the 1954 agreements.",
    )
    assert happenings(event) == frozenset()


def test_generic_words_alone_do_not_make_one_congress() -> None:
    groups = _pair(
        ("cia", "The Third Party Congress of September 1960 met in Hanoi."),
        ("cwihp", "In September 1960 the Party Congress of the Lao party convened."),
    )
    assert groups == []


@pytest.fixture(scope="module")
def corpus() -> list[Event]:
    sources: list[Source] = load_sources(ROOT)
    return all_events([(s.meta.slug, s.document) for s in sources])


def _find(groups: list[tuple[Event, ...]], source: str, paragraph: int) -> tuple[Event, ...]:
    return next(g for g in groups if any((e.source, e.paragraph) == (source, paragraph) for e in g))


def test_the_three_sources_share_the_1954_geneva_conference_as_one_entry(
    corpus: list[Event],
) -> None:
    groups = shared_events(corpus)
    geneva = [g for g in groups if "Geneva Conference" in evidence(g)]
    assert len(geneva) == 1
    assert {e.source for e in geneva[0]} == {"esau-17", "mao-indochina-war", "third-indochina-war"}


def test_the_outbreak_of_war_in_december_1946_is_shared_by_cia_and_cwihp(
    corpus: list[Event],
) -> None:
    group = _find(shared_events(corpus), "esau-17", 22)
    assert [(e.source, e.paragraph) for e in group] == [
        ("esau-17", 22),
        ("mao-indochina-war", 5),
    ]


def test_every_shared_entry_of_the_corpus_states_its_evidence(corpus: list[Event]) -> None:
    for group in shared_events(corpus):
        assert evidence(group).startswith(("both name", "all three name")), group
        assert len({e.source for e in group}) == len(group)
