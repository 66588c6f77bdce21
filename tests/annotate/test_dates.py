"""Dated statements: each date form and each thing that is not an event, on the sources' words."""

from __future__ import annotations

import pytest

from scripts.annotate.dates import Event, Precision, document_events, paragraph_events
from scripts.annotate.sentences import sentences
from scripts.model import Document, Heading, Paragraph, Text


def found(text: str) -> list[tuple[str, str, str, str | None, bool]]:
    events, _ = paragraph_events("src", 1, text)
    return [(e.date_text, e.date, e.precision.value, e.end, e.inferred) for e in events]


def one(text: str) -> Event:
    events, _ = paragraph_events("src", 1, text)
    assert len(events) == 1, events
    return events[0]


# Full dates, in every order the sources print them.


def test_month_day_year_is_a_day() -> None:
    """The chapter's American order: ``April 17, 1975``."""
    assert found("Phnom Penh fell to the Khmer Rouge on April 17, 1975, about two weeks ahead.")[
        0
    ] == ("April 17, 1975", "1975-04-17", "day", None, False)


def test_day_month_year_is_a_day() -> None:
    """The CIA study's and the working paper's order: ``On 27 January 1973``."""
    assert found("On 27 January 1973, the DRV-US Paris talks reached a peace agreement.") == [
        ("27 January 1973", "1973-01-27", "day", None, False)
    ]


def test_month_year_is_a_month() -> None:
    assert found("In August 1945, the Indochinese Communist Party seized power.") == [
        ("August 1945", "1945-08", "month", None, False)
    ]


def test_month_of_year_is_a_month() -> None:
    assert found("Throughout August and September of 1959, Communist China and North Vietnam")[1][
        :3
    ] == ("September of 1959", "1959-09", "month")


def test_month_pair_gives_two_months_and_the_first_borrows_the_year() -> None:
    """``in August and October 1974``: two visits, the first month printed without a year."""
    text = "Lê Thanh Nghị’s two visits to Beijing in August and October 1974, respectively."
    assert found(text) == [
        ("August", "1974-08", "month", None, True),
        ("October 1974", "1974-10", "month", None, False),
    ]


def test_part_of_a_month_keeps_the_month_and_the_qualifier() -> None:
    event = one("In mid-January 1950, the CCP received a request for aid.")
    assert (event.date_text, event.date, event.precision, event.qualifier) == (
        "mid-January 1950",
        "1950-01",
        Precision.MONTH,
        "mid",
    )


@pytest.mark.parametrize(
    ("text", "printed", "qualifier"),
    [
        ("In late 1956 the Chinese took the lead in seeking a settlement.", "late 1956", "late"),
        ("the North Vietnamese in early 1960 inaugurated a new phase", "early 1960", "early"),
        ("In spring 1959, Communist China took the lead in a campaign", "spring 1959", "spring"),
        ("In Fall 1959 and thereafter", "Fall 1959", "fall"),
        ("the mistakes correction campaign in the fall of 1956 aimed", "the fall of 1956", "fall"),
        ("it had become painfully clear by mid1955 that the authorities", "mid1955", "mid"),
        ("by mid-1961 for the Soviets", "mid-1961", "mid"),
        ("were thus more or less drawn by the end of 1975.", "the end of 1975", "end"),
        (
            "strongly favored Chinese positions in the first half of 1960.",
            "the first half of 1960",
            "first half",
        ),
    ],
)
def test_parts_and_seasons_of_a_year_keep_the_year(text: str, printed: str, qualifier: str) -> None:
    event = one(text)
    assert (event.date_text, event.precision, event.qualifier) == (
        printed,
        Precision.SEASON,
        qualifier,
    )
    assert event.date == printed[-4:]


def test_winter_across_two_years_ends_in_the_second() -> None:
    event = one("Khrushchev's venture in summit diplomacy during the winter of 1959-1960 could not")
    assert (event.date_text, event.date, event.end, event.qualifier) == (
        "the winter of 1959-1960",
        "1959",
        "1960",
        "winter",
    )


def test_decade_spans_its_ten_years() -> None:
    assert found("were mainly based on open sources until the 1980s and") == [
        ("the 1980s", "1980", "decade", "1989", False)
    ]
    event = one("In the early 1930s, Mao was criticized")
    assert (event.date_text, event.qualifier, event.end) == ("the early 1930s", "early", "1939")


@pytest.mark.parametrize(
    ("text", "printed", "start", "end"),
    [
        (
            "In the postwar years 1955-1957, the picture was less clear.",
            "1955-1957",
            "1955",
            "1957",
        ),
        ("Kampuchea in 1976–7 that", "1976–7", "1976", "1977"),
        ("The stalemate over Cambodia lasted until around 1986–7, when", "1986–7", "1986", "1987"),
        ("the Vietnam–Kampuchea War from 1978 to 1990 and", "from 1978 to 1990", "1978", "1990"),
        ("As for bloc policy toward Laos in 1960-1961, the Soviet", "1960-1961", "1960", "1961"),
        ("his basic view between 1950 and 1960 was", "between 1950 and 1960", "1950", "1960"),
        (
            "North Vietnam's enhanced stature within the bloc in 19601961 was",
            "19601961",
            "1960",
            "1961",
        ),
    ],
)
def test_ranges_of_years(text: str, printed: str, start: str, end: str) -> None:
    event = one(text)
    assert (event.date_text, event.date, event.end, event.precision) == (
        printed,
        start,
        end,
        Precision.RANGE,
    )


def test_range_of_months_within_one_year() -> None:
    text = "after returning from a brief visit in late March–early April 1973, was that"
    assert found(text) == [("late March–early April 1973", "1973-03", "range", "1973-04", False)]
    assert found("The June-July 1961 mission")[0][1:4] == ("1961-06", "range", "1961-07")


def test_range_whose_end_does_not_follow_is_not_a_range() -> None:
    """``1975-05`` would end before it starts: only the year is a date."""
    assert [f[0] for f in found("in 1975-05 there")] == ["1975"]


# Years given earlier in the paragraph.


def test_undated_day_takes_the_year_of_the_same_sentence() -> None:
    text = (
        "Phnom Penh fell to the Khmer Rouge on April 17, 1975, about two weeks ahead of the "
        "Vietnamese communists who captured Saigon on April 30."
    )
    assert found(text)[1] == ("April 30", "1975-04-30", "day", None, True)


def test_undated_month_takes_the_year_of_the_same_sentence_skipping_since() -> None:
    text = (
        "The Soviet Union completed its withdrawal from Afghanistan in February 1989, and the "
        "first Sino-Soviet summit since 1959 was held in May that same year."
    )
    assert [(f[0], f[1], f[4]) for f in found(text)] == [
        ("February 1989", "1989-02", False),
        ("1959", "1959", False),
        ("May", "1989-05", True),
    ]


def test_undated_day_with_several_years_in_the_paragraph_is_left_alone() -> None:
    text = (
        "The invasion was scheduled to begin on January 4, 1979, after the decision of "
        "December 1978. However, the Khmer Rouge launched a preemptive strike on December 23, "
        "prompting Hanoi to bring forward its plan."
    )
    assert [f[0] for f in found(text)] == ["January 4, 1979", "December 1978"]


def test_undated_month_earlier_in_the_year_than_the_context_is_left_alone() -> None:
    assert [f[0] for f in found("In December 1977, Hanoi withdrew. In January, it")] == [
        "December 1977"
    ]


def test_undated_month_without_any_year_is_not_an_event() -> None:
    assert found("At a Warsaw Pact meeting in February, the Soviets advocated") == []


def test_section_context_carries_to_the_next_paragraph_but_not_past_a_heading() -> None:
    def para(text: str, n: int) -> Paragraph:
        return Paragraph((Text(text),), n, n=n)

    doc = Document(
        front=(),
        body=(
            para("In February 1957, the experiment was discarded.", 1),
            para("The decision to collectivize was announced in September.", 2),
            Heading(2, (Text("C. Policy Toward South Vietnam"),), 3, "c"),
            para("The decision was announced in September.", 3),
        ),
        notes=(),
    )
    events = list(document_events("esau-17", doc))
    assert [(e.paragraph, e.date, e.inferred) for e in events] == [
        (1, "1957-02", False),
        (2, "1957-09", True),
    ]


# What is not an event.


@pytest.mark.parametrize(
    "text",
    [
        "The Third Indochina War: Conflict between China, Vietnam and Cambodia, 1972–79 "
        "(London, 2006), 1.",
        "Selected Works of Mao Zedong (Beijing: Renmin chubanshe, 1964), p. 529.",
        "The Third Indochina Conflict (New York, [1981] 2019).",
    ],
)
def test_publication_data_in_parentheses_is_not_an_event(text: str) -> None:
    assert found(text) == []


def test_years_ending_a_title_are_not_events() -> None:
    text = (
        "Brothers in Arms: Chinese Aid to the Khmer Rouge 1975–1979 by Andrew Mertha; and "
        "Cambodia, 1972–79 edited by Odd Arne Westad and Sophie Quinn-Judge."
    )
    assert found(text) == []


def test_publication_of_scholarship_is_not_an_event() -> None:
    text = (
        "Bringing this overview to a close are three recent books published in 2014, 2015, "
        "and 2020 respectively. These studies were mainly published in the 1980s."
    )
    assert found(text) == []
    assert found("Although Edwin Martini made this observation in 2009, the state") == []


def test_publication_of_a_party_document_is_an_event() -> None:
    text = "A revised history of the Cambodian Communist Party published in 1974 hardly mentioned"
    assert [f[0] for f in found(text)] == ["1974"]


@pytest.mark.parametrize(
    "text",
    [
        "the 308th Division crossed the border",
        "between 50,000 and 100,000 landlords; 16,000 advisers",
        "aid worth $10 million, 24 miles from the frontier",
        "Copy No. 1960 of the study, pp. 1955-60",
        "a shipment of 1960 tons of rice",
        "the post-1975 period and what it was pre-April 1975",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_an_undated_day_after_a_comma_and_by_is_not_a_title() -> None:
    text = "The Vietnamese were informed in July 1971 on July 13, by Zhou Enlai, who had traveled"
    assert [f[0] for f in found(text)] == ["July 1971", "July 13"]


def test_headings_and_notes_are_not_mined() -> None:
    doc = Document(
        front=(),
        body=(
            Heading(2, (Text("Vietnam–China Relations, 1971–5"),), 1, "vietnam-china"),
            Paragraph((Text("No date here."),), 2, n=1),
        ),
        notes=(),
    )
    assert list(document_events("third-indochina-war", doc)) == []


# Sentences.


def test_event_keeps_its_sentence_across_abbreviations() -> None:
    text = (
        "Mr. Bridgham wrote it. The U.S. Embassy and Stephen J. Morris noted in No. 5 that "
        "in July 1954 the agreement was signed. Then it ended."
    )
    event = one(text)
    assert event.sentence == (
        "The U.S. Embassy and Stephen J. Morris noted in No. 5 that in July 1954 the "
        "agreement was signed."
    )
    assert event.sentence[event.start - event.sentence_start :][:9] == "July 1954"


def test_sentences_end_at_question_marks_and_after_closing_quotes() -> None:
    assert sentences("Why did Vietnam invade? And why did China attack.” Then came peace.") == [
        "Why did Vietnam invade?",
        "And why did China attack.”",
        "Then came peace.",
    ]


def test_a_list_of_cited_works_gives_no_events_whatever_its_layout_made_of_it() -> None:
    """A bibliography numbered as body paragraphs (a layout that cannot tell) dates
    publications, not events; the next section's dates are events again."""
    document = Document(
        front=(),
        body=(
            Heading(1, (Text("Bibliography"),), 1),
            Paragraph((Text("Chanda, Nayan. 1986. Brother Enemy. San Diego: Harcourt."),), 2, n=1),
            Heading(1, (Text("Appendix"),), 3),
            Paragraph((Text("Phnom Penh fell on April 17, 1975."),), 4, n=2),
        ),
        notes=(),
    )
    assert [e.date for e in document_events("src", document)] == ["1975-04-17"]
