"""McGovern and Quelch's eight suggestions as they wrote them, in both languages, not as the recruitment-site article
garbles them (EDITORIAL.md, "Verified external facts"; sidebar "Eight Ways to Improve CMO Success",
strategy+business issue 37, reprint no. 04406).

The section tests read one suggestion's section of docs/<language>/frameworks/eight-suggestions.md, separate the
page's own statement of the suggestion from its editorial notes (which quote the recruitment-site article's wording on
purpose), and check the statement says what the sidebar says and does not say what the seed says. The "everywhere"
tests do the same for every other place the page set states suggestions 2 and 3: the at-a-glance table, the Two
frameworks page, the glossary, and any box that is not an editorial note.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.site_pages import CHINESE, DEFAULT

ROOT = Path(__file__).resolve().parent.parent
PAGE = Path("frameworks") / "eight-suggestions.md"
EN, ZH = DEFAULT.code, CHINESE.code  # the pinned wording below is English and Chinese
LANGUAGES = (EN, ZH)


def section(language: str, anchor: str) -> str:
    """The text of the H3 section with explicit id `anchor`, up to the next heading."""
    text = (ROOT / "docs" / language / PAGE).read_text(encoding="utf-8-sig")
    match = re.search(rf"^###[^\n]*\{{ #{re.escape(anchor)} \}}\n(.*?)(?=^#)", text, re.S | re.M)
    assert match, f"docs/{language}/{PAGE}: no section {{ #{anchor} }}"
    return match.group(1)


# Only a box titled as an editorial note may quote the seed's wording; any other box is the page's own statement.
EDITORIAL_NOTE = re.compile(r'^(?:!!!|\?\?\?\+?) note "(?:Editorial note|编者注)"')


def without_editorial_notes(text: str) -> tuple[str, str]:
    """`text` apart from its editorial-note boxes, and those boxes, as (statement, notes)."""
    statement: list[str] = []
    notes: list[str] = []
    in_note = False
    for line in text.splitlines():
        if EDITORIAL_NOTE.match(line):
            in_note = True
            notes.append(line)
        elif in_note and (line.startswith("    ") or not line.strip()):
            notes.append(line)
        else:
            in_note = False
            statement.append(line)
    return "\n".join(statement), "\n".join(notes)


def statement_and_notes(language: str, anchor: str) -> tuple[str, str]:
    """The section's prose (what the page itself asserts) and its editorial notes, apart."""
    return without_editorial_notes(section(language, anchor))


def flat(text: str) -> str:
    """Line breaks inside a paragraph do not count."""
    return re.sub(r"\s+", " ", text)


# Suggestion 3: the sidebar warns against the CEO who will not give up marketing control; the seed makes keeping
# control the norm ("it does not mean that he will give up control of marketing … While controlling marketing").
# The warning: "beware" (or a synonym), then a CEO who will not give up any control of marketing.
WARNING_SIGN = {
    EN: r"(?:[Bb]eware|[Ww]arning sign|[Aa]void)[^.|]*CEO who[^.|]*(?:not|won't|unwilling|refuses)[^.|]*"
          r"(?:give up|relinquish|hand over|let go of|share) (?:any )?(?:marketing control|control of marketing)",
    ZH: r"(?:当心|提防|警惕|小心)[^。|]*不(?:愿|肯)[^。|]*(?:放出|交出|让出|放弃|分出)[^。|]*营销控制权",
}
# The reversal, by meaning: the CEO keeps, retains or stays in control of marketing; hiring a CMO "does not mean"
# giving it up.
SEED_REVERSAL = {
    EN: [
        r"(?:is|are|was) not (?:thereby )?giving up (?:\w+ )?control",
        r"(?:retain|keep|remain in|stay in)\w* (?:\w+ ){0,3}(?:control|ownership|charge)",
        r"(?:does not|doesn't|is not|isn't|need not) (?:mean|imply|entail|require)[^.|]*"
        r"(?:give[sn]? up|giving up|hand(?:s|ing)? over|relinquish|cede)",
        r"while controlling marketing",
        r"(?:own|owns|control|controls|run|runs) marketing (?:himself|herself|themselves|itself)",
    ],
    ZH: [
        r"并不意味着[^。|]*(?:放弃|交出|让出|放手)",
        r"在掌控营销的同时",
        r"仍[然应要需旧]?[^。|]{0,6}(?:掌控|掌握|主管|控制|把持)营销",
        r"保留对营销的(?:控制|掌控)",
        r"(?:掌握|掌控|把持)着?营销(?:大权|的主导权)",
        r"不必(?:放弃|交出|让出)[^。|]*控制",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_suggestion_3_warns_against_the_ceo_who_keeps_all_marketing_control(language):
    statement, notes = statement_and_notes(language, "compatible-with-the-ceo")
    statement = flat(statement)
    assert re.search(WARNING_SIGN[language], statement), (
        f"docs/{language}/{PAGE} § 3: the suggestion must warn against the CEO who will not give up any marketing control"
    )
    reversed_wording = [pattern for pattern in SEED_REVERSAL[language] if re.search(pattern, statement)]
    assert not reversed_wording, (
        f"docs/{language}/{PAGE} § 3 states the recruitment-site article's reversal as the suggestion: {reversed_wording}"
    )
    # The reversal is the seed's and must be named as such, in the editorial note.
    assert re.search(r"revers|弄反", notes), f"docs/{language}/{PAGE} § 3: the editorial note must say the seed reverses it"


# Suggestion 2: the exception is a well-connected insider, not a respected authority who works with every function.
INSIDER = {EN: r"unless[^.|]*well-connected insider", ZH: r"除非[^。|]*人脉深厚的内部人士"}
SEED_EXCEPTION = {
    EN: [r"authority (?:that|which) every part", r"authority figure", r"carries authority", r"authority that all functions",
           r"(?:respected|recognized|acknowledged) authority", r"commands? (?:the )?respect",
           r"(?:work|cooperate) with (?:all|every|each|the different|different)[^.|]*functions"],
    ZH: [r"权威人物", r"企业上下都认可的权威", r"各职能部门都接受的权威", r"(?:公认|广受认可)的权威",
           r"与[^。|]{0,10}(?:各个|所有|不同)?职能(?:部门)?合作"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_suggestion_2_makes_the_exception_a_well_connected_insider(language):
    statement, notes = statement_and_notes(language, "fit-culture-and-structure")
    statement = flat(statement)
    assert re.search(INSIDER[language], statement), (
        f"docs/{language}/{PAGE} § 2: the exception must be the sidebar's well-connected insider"
    )
    seed_wording = [pattern for pattern in SEED_EXCEPTION[language] if re.search(pattern, statement)]
    assert not seed_wording, f"docs/{language}/{PAGE} § 2 states the seed's exception as the suggestion: {seed_wording}"
    assert re.search(r"insider|内部人士", notes), f"docs/{language}/{PAGE} § 2: the editorial note must name the insider condition"


@pytest.mark.parametrize("language", LANGUAGES)
def test_suggestion_1_names_the_ceo_not_the_cmo(language):
    statement, _ = statement_and_notes(language, "clarify-the-mission")
    statement = flat(statement)
    leaders = {EN: r"particularly the CEO, the board, and line management", ZH: r"尤其是 CEO、董事会和业务一线部门的负责人"}
    assert re.search(leaders[language], statement), f"docs/{language}/{PAGE} § 1 must name the CEO, the board, and line management"
    assert not re.search(r"above all the CMO|especially the CMO|尤其是首席营销官", statement), (
        f"docs/{language}/{PAGE} § 1 repeats the seed's CMO-for-CEO swap"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_suggestion_the_seed_changes_carries_an_editorial_note(language):
    label = {EN: '!!! note "Editorial note"', ZH: '!!! note "编者注"'}[language]
    for anchor in ("clarify-the-mission", "fit-culture-and-structure", "compatible-with-the-ceo", "showpeople-dont-succeed"):
        _, notes = statement_and_notes(language, anchor)
        assert label in notes, f"docs/{language}/{PAGE} § {anchor}: no {label}"


# The first edition's wording, which followed the recruitment-site article: the tests above must reject it.
SEED_VERSIONS = {
    (EN, "compatible-with-the-ceo"): (
        "Choose as CMO someone who can work well with the CEO. A CEO who recruits a CMO is not giving up control of\n"
        "marketing. The CEO should see themselves as the cheerleader for marketing and brand management: keeping control\n"
        "of marketing while drawing on the guidance of marketing experts.\n"
    ),
    (ZH, "compatible-with-the-ceo"): (
        "应选择能与 CEO 良好合作、彼此默契的人担任首席营销官。要记住，CEO 招聘首席营销官，并不意味着放弃对营销的掌控。"
        "CEO 应当把自己视为营销和品牌管理的“啦啦队长”：在掌控营销的同时，也要接受营销专家的指导。\n"
    ),
    (EN, "fit-culture-and-structure"): (
        "In a marketing-oriented company, the post is best created only where the company has one corporate brand rather\n"
        "than many individual brands. Otherwise the appointment works only if the person named CMO carries authority\n"
        "that every part of the company respects, and so can work with all of its functions.\n"
    ),
    (ZH, "fit-culture-and-structure"): (
        "在以营销为导向的企业里，最好是在企业拥有一个统一的公司品牌、而不是众多各自独立的品牌时，才设立首席营销官一职。"
        "否则，只有当被任命为首席营销官的人具备企业上下都认可的权威、能够与组织内各个职能部门合作时，这一任命才行得通。\n"
    ),
}
CHECKS = {
    "compatible-with-the-ceo": test_suggestion_3_warns_against_the_ceo_who_keeps_all_marketing_control,
    "fit-culture-and-structure": test_suggestion_2_makes_the_exception_a_well_connected_insider,
}


@pytest.mark.parametrize(("language", "anchor"), sorted(SEED_VERSIONS))
def test_the_checks_reject_the_seeds_version(language, anchor, tmp_path, monkeypatch):
    """With the seed's version in place of the sidebar's, the check for that suggestion fails: it cannot pass vacuously."""
    page = tmp_path / "docs" / language / PAGE
    page.parent.mkdir(parents=True)
    page.write_text(f"### A suggestion {{ #{anchor} }}\n\n{SEED_VERSIONS[language, anchor]}\n### Next {{ #next }}\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    with pytest.raises(AssertionError):
        CHECKS[anchor](language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_seeds_reversal_is_caught_even_beside_the_warning(language, tmp_path, monkeypatch):
    """The page's own section 3, with the seed's reversal added as a paragraph of the page's own text, fails."""
    original = section(language, "compatible-with-the-ceo")
    page = tmp_path / "docs" / language / PAGE
    page.parent.mkdir(parents=True)
    page.write_text(
        f"### 3. A suggestion {{ #compatible-with-the-ceo }}\n{original}\n{SEED_VERSIONS[language, 'compatible-with-the-ceo']}\n"
        "### Next { #next }\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    with pytest.raises(AssertionError, match="reversal"):
        test_suggestion_3_warns_against_the_ceo_who_keeps_all_marketing_control(language)


# Every other place the pages state suggestions 2 and 3. The first edition put the reversal in the at-a-glance table
# ("The CEO keeps ownership of marketing" / "CEO 仍然主管营销"), so the table, the Two frameworks page and the glossary
# are checked as closely as the detailed sections.
INDEX = Path("frameworks") / "index.md"
GLOSSARY = Path("glossary.md")


def page_text(language: str, page: Path) -> str:
    return (ROOT / "docs" / language / page).read_text(encoding="utf-8-sig")


def page_statement(language: str, page: Path) -> str:
    """Everything the page asserts in its own voice: prose, tables, lists and boxes, but not its editorial notes."""
    statement, _ = without_editorial_notes(page_text(language, page))
    return flat(statement)


def at_a_glance_row(language: str, number: int) -> str:
    """The row of the at-a-glance table for suggestion `number`."""
    text = page_text(language, PAGE)
    table = re.search(r"\{ #at-a-glance \}\n(.*?)(?=^#)", text, re.S | re.M)
    assert table, f"docs/{language}/{PAGE}: no section {{ #at-a-glance }}"
    row = re.search(rf"^\| {number}\. [^\n]*", table.group(1), re.M)
    assert row, f"docs/{language}/{PAGE} {{ #at-a-glance }}: no row for suggestion {number}"
    return row.group(0)


def glossary_row(language: str, english_term: str) -> str:
    row = re.search(rf"^\| {re.escape(english_term)} \|[^\n]*", page_text(language, GLOSSARY), re.M)
    assert row, f"docs/{language}/{GLOSSARY}: no row for “{english_term}”"
    return row.group(0)


def found(patterns: list[str], text: str) -> list[str]:
    return [pattern for pattern in patterns if re.search(pattern, text)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_suggestion_3_is_the_sidebars_warning_everywhere_it_is_stated(language):
    for place, text in (
        (f"docs/{language}/{PAGE} at-a-glance row 3", at_a_glance_row(language, 3)),
        (f"docs/{language}/{INDEX}", page_statement(language, INDEX)),
    ):
        assert re.search(WARNING_SIGN[language], text), (
            f"{place}: suggestion 3 must warn against the CEO who will not give up any control of marketing"
        )
    for page in (PAGE, INDEX, GLOSSARY):
        reversed_wording = found(SEED_REVERSAL[language], page_statement(language, page))
        assert not reversed_wording, (
            f"docs/{language}/{page} states the recruitment-site article's reversal of suggestion 3 outside an "
            f"editorial note: {reversed_wording}"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_suggestion_2_keeps_the_well_connected_insider_everywhere_it_is_stated(language):
    row = at_a_glance_row(language, 2)
    assert re.search(INSIDER[language], row), (
        f"docs/{language}/{PAGE} at-a-glance row 2: the exception must be the sidebar's well-connected insider"
    )
    entry = glossary_row(language, "Well-connected insider")
    assert "| 人脉深厚的内部人士 |" in entry and re.search(r"unless", entry) and re.search(r"除非", entry), (
        f"docs/{language}/{GLOSSARY}: the “Well-connected insider” row must give it as suggestion 2's exception "
        "(unless / 除非) in both definitions"
    )
    for page in (PAGE, INDEX, GLOSSARY):
        seed_wording = found(SEED_EXCEPTION[language], page_statement(language, page))
        assert not seed_wording, (
            f"docs/{language}/{page} states the recruitment-site article's exception to suggestion 2 outside an "
            f"editorial note: {seed_wording}"
        )


def _replace_glance_summary(number: int, summary: str):
    def mutate(language: str, page: Path, text: str) -> str:
        return re.sub(rf"^(\| {number}\. [^|]*\| )[^|]*( \|)", rf"\g<1>{summary}\g<2>", text, count=1, flags=re.M)
    return PAGE, mutate


def _add_to_section(anchor: str, addition: str):
    def mutate(language: str, page: Path, text: str) -> str:
        return re.sub(rf"(^###[^\n]*\{{ #{anchor} \}}\n)", rf"\g<1>\n{addition}\n", text, count=1, flags=re.M)
    return PAGE, mutate


def _replace_warning_on_index(reversal: str):
    def mutate(language: str, page: Path, text: str) -> str:
        return re.sub(WARNING_SIGN[language].replace(" ", r"\s+"), reversal, text, count=1)
    return INDEX, mutate


def _replace_glossary_insider_definitions(english: str, chinese: str):
    def mutate(language: str, page: Path, text: str) -> str:
        return re.sub(r"^(\| Well-connected insider \| 人脉深厚的内部人士 \| ).*$", rf"\g<1>{english} | {chinese} |", text,
                      count=1, flags=re.M)
    return GLOSSARY, mutate


def _replace(old: str, new: str, page: Path = PAGE):
    def mutate(language: str, page_: Path, text: str) -> str:
        assert old in text, f"docs/{language}/{page_}: the mutation's target {old!r} is gone; update this test"
        return text.replace(old, new, 1)
    return page, mutate


SEED_EXCEPTION_DEFINITIONS = (
    "The exception in suggestion 2: a CMO who is an authority figure and can work with all of its functions.",
    "第二条建议中的例外：首席营销官是各方面的权威人物，能与组织中的不同职能合作。",
)
# (language, what the mutation does, which check must then fail, the mutation)
MUTATIONS = {
    (EN, "first edition's table row 3"): ("3", _replace_glance_summary(3, "The CEO keeps ownership of marketing")),
    (ZH, "first edition's table row 3"): ("3", _replace_glance_summary(3, "CEO 仍然主管营销")),
    (EN, "paraphrased reversal in section 3"): ("3", _add_to_section(
        "compatible-with-the-ceo",
        "Hiring a CMO does not mean the CEO hands over marketing: the CEO should retain control of it.")),
    (ZH, "paraphrased reversal in section 3"): ("3", _add_to_section(
        "compatible-with-the-ceo", "CEO 聘请首席营销官后，仍应牢牢掌握营销大权。")),
    (EN, "reversal in a tip box"): ("3", _add_to_section(
        "compatible-with-the-ceo", '!!! tip "In practice"\n    The CEO keeps control of marketing.\n')),
    (ZH, "reversal in a tip box"): ("3", _add_to_section(
        "compatible-with-the-ceo", '!!! tip "实践"\n    CEO 仍然主管营销。\n')),
    (EN, "reversal on the Two frameworks page"): ("3", _replace_warning_on_index(
        "recognize that hiring a CMO does not mean the CEO gives up control of marketing")),
    (ZH, "reversal on the Two frameworks page"): ("3", _replace_warning_on_index(
        "明白聘请首席营销官并不意味着 CEO 放弃对营销的掌控")),
    (EN, "no insider in table row 2"): ("2", _replace_glance_summary(
        2, "No CMO in a marketing-led company with many separate brands, unless the appointee commands respect across the company")),
    (ZH, "no insider in table row 2"): ("2", _replace_glance_summary(
        2, "以营销为主导、旗下众多独立品牌的企业不宜设首席营销官，除非人选在企业上下都有威望")),
    (EN, "seed's exception in the glossary"): ("2", _replace_glossary_insider_definitions(*SEED_EXCEPTION_DEFINITIONS)),
    (ZH, "seed's exception in the glossary"): ("2", _replace_glossary_insider_definitions(*SEED_EXCEPTION_DEFINITIONS)),
}
EVERYWHERE_CHECKS = {
    "2": test_suggestion_2_keeps_the_well_connected_insider_everywhere_it_is_stated,
    "3": test_suggestion_3_is_the_sidebars_warning_everywhere_it_is_stated,
}


def _mutated_copy(tmp_path: Path, monkeypatch, language: str, page: Path, mutate) -> None:
    """Copy the three pages to tmp_path, apply `mutate` to `page`, and point the tests at the copy."""
    for name in (PAGE, INDEX, GLOSSARY):
        target = tmp_path / "docs" / language / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_text(language, name), encoding="utf-8")
    target = tmp_path / "docs" / language / page
    original = target.read_text(encoding="utf-8")
    changed = mutate(language, page, original)
    assert changed != original, f"the mutation did not apply to docs/{language}/{page}; update this test"
    target.write_text(changed, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)


@pytest.mark.parametrize(("language", "mutation"), sorted(MUTATIONS))
def test_the_everywhere_checks_catch_the_seeds_wording_in_each_place(language, mutation, tmp_path, monkeypatch):
    """Each way the seed's version could come back, in each place, makes the check for that suggestion fail."""
    suggestion, (page, mutate) = MUTATIONS[language, mutation]
    EVERYWHERE_CHECKS[suggestion](language)  # the real pages pass
    _mutated_copy(tmp_path, monkeypatch, language, page, mutate)
    with pytest.raises(AssertionError):
        EVERYWHERE_CHECKS[suggestion](language)


@pytest.mark.parametrize(("language", "old", "new"), [
    (EN, "unless the person appointed is a well-connected insider", "unless the appointee is a well-connected insider"),
    (ZH, "除非被任命的人是人脉深厚的内部人士", "除非人选是人脉深厚的内部人士"),
])
def test_a_faithful_rewording_of_suggestion_2_still_passes(language, old, new, tmp_path, monkeypatch):
    """The checks pin the sidebar's meaning, not one sentence: a line edit that keeps the insider passes."""
    _mutated_copy(tmp_path, monkeypatch, language, PAGE, _replace(old, new)[1])
    test_suggestion_2_makes_the_exception_a_well_connected_insider(language)
    test_suggestion_2_keeps_the_well_connected_insider_everywhere_it_is_stated(language)
