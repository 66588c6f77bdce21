"""Reading the notes of the sources into citations: each form, with real note texts."""

from __future__ import annotations

from scripts.annotate.citations import Citation, note_citations


def one(text: str) -> Citation:
    found = note_citations(text)
    assert len(found) == 1, found
    return found[0]


def test_cambridge_book_reads_author_title_place_year_and_pages() -> None:
    """Cambridge: ``Author, Title (Place, Year), pages.``"""
    c = one("Steven Hurst, The Carter Administration and Vietnam (London, 1996), 24.")
    assert (c.form, c.kind) == ("full", "book")
    assert c.authors == ("Steven Hurst",)
    assert c.title == "The Carter Administration and Vietnam"
    assert (c.place, c.year, c.pages) == ("London", "1996", "24")


def test_cwihp_book_reads_publisher_translation_and_pp() -> None:
    """CWIHP: ``Author, Title [Translation] (Place: Publisher, Year), pp. x-y.``"""
    c = one(
        "Qian Jiang, Zai shenmi de zhanzheng zhong: Zhongguo junshi guwentuan fu Yuenan "
        "zhengzhan ji [In the Secret War: A Record of the Chinese Military Advisory Team in "
        "Vietnam] (Zhengzhou: Henan renmin chubanshe, 1992), pp. 72-74, 96-97"
    )
    assert c.kind == "book"
    assert c.title.startswith("Zai shenmi de zhanzheng zhong")
    assert c.translation.startswith("In the Secret War")
    assert (c.place, c.publisher, c.year) == ("Zhengzhou", "Henan renmin chubanshe", "1992")
    assert c.pages == "pp. 72-74, 96-97"


def test_editors_marked_eds_are_editors_not_authors() -> None:
    c = one(
        "Odd Arne Westad and Sophie Quinn-Judge (eds.), The Third Indochina War: Conflict "
        "between China, Vietnam and Cambodia, 1972–79 (London, 2006), 1."
    )
    assert c.authors == ()
    assert c.editors == ("Odd Arne Westad", "Sophie Quinn-Judge")
    assert c.title.endswith("Cambodia, 1972–79")


def test_corporate_editor_before_ed() -> None:
    c = one(
        "CCP Central Documentary Research Department, ed., Zhou Enlai nianpu, 1949-1976 [A "
        "Chronicle of Zhou Enlai’s Life, 1949-1976] (Beijing: Zhongyang wenxian chubanshe, "
        "1997), vol. 1, p. 358."
    )
    assert c.editors == ("CCP Central Documentary Research Department",)
    assert c.title == "Zhou Enlai nianpu, 1949-1976"
    assert c.pages == "vol. 1, p. 358"


def test_journal_article_reads_volume_issue_and_date() -> None:
    c = one(
        "Zhang Xiaoming, “Deng Xiaoping and China’s Decision to Go to War with Vietnam,” "
        "Journal of Cold War Studies 12 (3) (summer 2010), 3–29."
    )
    assert c.kind == "article"
    assert c.container == "Journal of Cold War Studies"
    assert (c.volume, c.issue, c.date, c.year) == ("12", "3", "summer 2010", "2010")


def test_article_with_lost_closing_quote_still_finds_its_journal() -> None:
    """The raw capture lost ``”`` before the journal's name (Cambridge note 33)."""
    c = one(
        "K. Mahbubani, “The Kampuchean Problem: A Southeast Asian Perspective,Foreign Affairs "
        "62 (2) (1983–4), 408."
    )
    assert c.kind == "article"
    assert c.title == "The Kampuchean Problem: A Southeast Asian Perspective"
    assert c.container == "Foreign Affairs"


def test_chinese_article_with_numbered_issue() -> None:
    c = one(
        "Li Danhui, “ZhongSu guanxi yu Zhongguo de yuanYue kangMei” [Sino-Soviet Relations and "
        "China’s Assistance to the DRV against the United States], Dangdai Zhongguoshi yanjiu, "
        "No. 3 (1998)."
    )
    assert c.kind == "article"
    assert c.translation.startswith("Sino-Soviet Relations")
    assert (c.container, c.issue, c.year) == ("Dangdai Zhongguoshi yanjiu", "No. 3", "1998")


def test_chapter_in_edited_book() -> None:
    c = one(
        "[Goh Keng Swee], “The Vietnam War: Round 3,” in Linda Goh (ed.), Wealth of East Asian "
        "Nations: Speeches and Writings by Goh Keng Swee (Singapore, 1995), 312."
    )
    assert c.kind == "chapter"
    assert c.authors == ("Goh Keng Swee",)
    assert c.container.startswith("Wealth of East Asian Nations")
    assert c.container_editors == ("Linda Goh",)
    assert c.pages == "312"


def test_newspaper_piece_with_full_date() -> None:
    c = one("“Vietnam’s Vietnam: Scars of Cambodia,” New York Times, April 9, 1989.")
    assert (c.kind, c.container, c.date) == ("newspaper", "New York Times", "April 9, 1989")
    assert c.authors == ()


def test_working_paper_is_a_report() -> None:
    c = one(
        "Stephen J. Morris, “The Soviet–Chinese–Vietnamese Triangle in the 1970’s: The View "
        "from Moscow,” CWIHP Working Paper 25 (Washington, DC, April 1999), 21–2."
    )
    assert (c.kind, c.container, c.place) == ("report", "CWIHP Working Paper 25", "Washington, DC")


def test_semicolons_separate_citations_and_commentary_is_left_out() -> None:
    text = (
        "Chanda, Brother Enemy, 260–1; see also Ezra F. Vogel, Deng Xiaoping and the "
        "Transformation of China (Cambridge, 2011), 526–38."
    )
    first, second = note_citations(text)
    assert (first.form, first.title, first.pages) == ("short", "Brother Enemy", "260–1")
    assert text[second.start : second.end].startswith("Ezra F. Vogel")
    assert second.marked


def test_for_details_see_leads_in_to_the_citation() -> None:
    text = (
        "For a recent account of Chinese decision-making on the Sino-Vietnamese War (1979), "
        "see Zhang Xiaoming, “Deng Xiaoping and China’s Decision to Go to War with Vietnam,” "
        "Journal of Cold War Studies 12 (3) (summer 2010), 3–29."
    )
    c = one(text)
    assert text[c.start :].startswith("Zhang Xiaoming")


def test_cited_in_gives_two_citations() -> None:
    text = (
        "Foreign Affairs Malaysia 12 (2) (June 1979), 226–7, cited in Jyotirmoy Banerjee, "
        "“Indonesia, Malaysia and the Indochina Crisis: Between Scylla and Charybdis,” China "
        "Report 17 (41) (1981): http://chr.sagepub.com/content/17/1/41.citation."
    )
    periodical, article = note_citations(text)
    assert (periodical.kind, periodical.container) == ("article", "Foreign Affairs Malaysia")
    assert article.authors == ("Jyotirmoy Banerjee",)
    assert article.url == "http://chr.sagepub.com/content/17/1/41.citation"


def test_short_form_run_into_a_full_citation_with_and_is_split() -> None:
    text = (
        "For details of Vietnam–US relations in the early post–Vietnam War years, see Hurst, "
        "Carter Administration and Vietnam and Cecile Mentrey-Monchau, American–Vietnamese "
        "Relations in the Wake of the War: Diplomacy after the Capture of Saigon, 1975–1979 "
        "(Jefferson, NC, 2006)."
    )
    short, full = note_citations(text)
    assert (short.form, short.authors, short.title) == (
        "short",
        ("Hurst",),
        "Carter Administration and Vietnam",
    )
    assert full.authors == ("Cecile Mentrey-Monchau",)


def test_two_books_joined_by_such_sources_as() -> None:
    text = (
        "In their writings, scholars have used such primary sources as the CCP Central "
        "Documentary Research Department, ed., Jianguo yilai Mao Zedong wengao [Mao Zedong’s "
        "Manuscripts since the Founding of the PRC], 13 vols. (Beijing: Zhongyang wenxian "
        "chubanshe, 1987-98) and such secondary sources as Zhou Enlai waijiao huodong dashiji, "
        "1949-1975 [A Chronicle of Zhou Enlai’s Diplomatic Activities, 1949-1975] (Beijing: "
        "Shijie zhishi chubanshe, 1993)"
    )
    first, second = note_citations(text)
    assert first.title == "Jianguo yilai Mao Zedong wengao"
    assert first.volume == "13 vols."
    assert second.title == "Zhou Enlai waijiao huodong dashiji, 1949-1975"
    assert second.authors == second.editors == ()


def test_cables_are_their_own_kind_and_in_ibid_is_split_off() -> None:
    text = (
        "Cable, CCP Central Military Commission to Lin Biao, 12 December 1949; Liu Shaoqi’s "
        "cable to Mao, 24 December 1949; Mao’s cables to Liu Shaoqi, 27 and 31 January 1950, "
        "in ibid., pp. 165, 186-188, 347."
    )
    found = note_citations(text)
    assert [c.kind for c in found[:3]] == ["cable", "cable", "cable"]
    assert found[2].in_next and found[2].date == "27 and 31 January 1950"
    assert (found[3].form, found[3].pages) == ("ibid", "pp. 165, 186-188, 347")


def test_archival_kinds_from_their_wording() -> None:
    assert one("Email correspondence with Mr Mushahid Ali, January 20, 2011.").kind == (
        "correspondence"
    )
    assert one("Mao’s concluding speech at the CCP’s Seventh Congress 31, May 1945.").kind == (
        "speech"
    )
    notes = one(
        "Notes of conversation between 1PS (the First Permanent Secretary) and Edith Lenart, "
        "journalist for The Economist and Sunday Times (Paris), December 18, 1979."
    )
    assert (notes.kind, notes.date) == ("conversation", "December 18, 1979")
    interview = one(
        "Interview with S. Dhanabalan, 1994, Senior ASEAN Statesmen (Oral History Centre, "
        "National Archives of Singapore, National Heritage Board, 1998)."
    )
    assert (interview.kind, interview.container, interview.year) == (
        "interview",
        "Senior ASEAN Statesmen",
        "1998",
    )


def test_conversation_in_a_published_collection() -> None:
    text = (
        "Zhou Enlai and Lê Thanh Nghị, Beijing, August 3, 1974, in Odd Arne Westad, Chen Jian, "
        "Stein Tønnesson, Nguyen Vu Tung, and James G. Hershberg (eds.), “77 Conversations "
        "between Chinese and Foreign Leaders on the Wars in Indochina, 1964–1977,” Cold War "
        "International History Project, Woodrow Wilson International Center for Scholars "
        "[hereafter CWIHP], Working Paper 22 (Washington, DC, May 1998)."
    )
    talk, collection = note_citations(text)
    assert (talk.kind, talk.authors, talk.in_next) == (
        "conversation",
        ("Zhou Enlai", "Lê Thanh Nghị"),
        True,
    )
    assert collection.kind == "report"
    assert collection.editors[0] == "Odd Arne Westad"


def test_government_document_with_no_author() -> None:
    c = one(
        "US Assistance to the Non-communist Cambodian Resistance, Information Note on "
        "Kampuchea, July 4, 1984."
    )
    assert (c.kind, c.container, c.date) == (
        "document",
        "Information Note on Kampuchea",
        "July 4, 1984",
    )


def test_cia_study_cites_another_study_of_its_series() -> None:
    text = (
        "However, North Vietnam never became as intoxicated with these innovations as did the "
        "North Korean regime. For a discussion of the even more enthusiastic response of the "
        'North Korean leadership to these radical innovations, see ESAU XV-61: "Sino-Soviet '
        'Competition in North Korea."'
    )
    c = one(text)
    assert (c.kind, c.container, c.volume) == ("report", "ESAU", "XV-61")
    assert c.title == "Sino-Soviet Competition in North Korea"


def test_ibid_with_pages_and_the_capture_s_footnote_word() -> None:
    c = note_citations("Footnote Ibid., 139. He retired in 1986.")
    assert [(x.form, x.pages) for x in c] == [("ibid", "139")]


def test_commentary_alone_holds_no_citation() -> None:
    assert (
        note_citations(
            "The CGDK led by Sihanouk was cobbled together by ASEAN. It was composed of three "
            "unlikely factions – the royalists, the antiroyalists (led by Son Sann), and the Khmer "
            "Rouge."
        )
        == ()
    )
    assert (
        note_citations(
            "Indochina was once a French colony. Before the French occupation, there were three "
            "countries in Indochina: Vietnam, Laos, and Cambodia. In Taiwan, Indochina used to be "
            "called the South Central Peninsula."
        )
        == ()
    )


def test_offsets_cover_the_citation_in_the_note_text() -> None:
    text = "See Henry Kissinger, On China (New York, 2011), 352–3."
    c = one(text)
    assert text[c.start : c.end] == "Henry Kissinger, On China (New York, 2011), 352–3."
