"""McGovern and Quelch's eight suggestions as they wrote them, in both languages, not as the recruitment-site article
garbles them (EDITORIAL.md, "Verified external facts"; sidebar "Eight Ways to Improve CMO Success",
strategy+business issue 37, reprint no. 04406).

Each test reads one suggestion's section of docs/<language>/frameworks/eight-suggestions.md, separates the page's
own statement of the suggestion from its editorial notes (which quote the recruitment-site article's wording on
purpose), and checks the statement says what the sidebar says and does not say what the seed says.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = Path("frameworks") / "eight-suggestions.md"
LANGUAGES = ("en", "zh")


def section(language: str, anchor: str) -> str:
    """The text of the H3 section with explicit id `anchor`, up to the next heading."""
    text = (ROOT / "docs" / language / PAGE).read_text(encoding="utf-8-sig")
    match = re.search(rf"^###[^\n]*\{{ #{re.escape(anchor)} \}}\n(.*?)(?=^#)", text, re.S | re.M)
    assert match, f"docs/{language}/{PAGE}: no section {{ #{anchor} }}"
    return match.group(1)


def statement_and_notes(language: str, anchor: str) -> tuple[str, str]:
    """The section's prose (what the page itself asserts) and its admonitions (editorial notes), apart."""
    lines = section(language, anchor).splitlines()
    statement: list[str] = []
    notes: list[str] = []
    in_note = False
    for line in lines:
        if line.startswith("!!!"):
            in_note = True
            notes.append(line)
        elif in_note and (line.startswith("    ") or not line.strip()):
            notes.append(line)
        else:
            in_note = False
            statement.append(line)
    return "\n".join(statement), "\n".join(notes)


def flat(text: str) -> str:
    """Line breaks inside a paragraph do not count."""
    return re.sub(r"\s+", " ", text)


# Suggestion 3: the sidebar warns against the CEO who will not give up marketing control; the seed makes keeping
# control the norm ("it does not mean that he will give up control of marketing … While controlling marketing").
WARNING_SIGN = {
    "en": r"[Bb]eware of the CEO who wants to hire a CMO but does not want to give up any control of marketing",
    "zh": r"要当心那种想聘首席营销官、却丝毫不愿(?:放出|交出|让出|放弃)营销控制权的 CEO",
}
SEED_REVERSAL = {
    "en": [r"not (?:thereby )?giving up control", r"keep(?:s|ing)? (?:ownership|control) of marketing",
           r"while controlling marketing", r"keeps? control"],
    "zh": [r"并不意味着放弃对营销的(?:掌控|控制)", r"在掌控营销的同时", r"仍然主管营销", r"保留对营销的控制"],
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
INSIDER = {"en": r"unless the person appointed is a well-connected insider", "zh": r"除非被任命的人是人脉深厚的内部人士"}
SEED_EXCEPTION = {
    "en": [r"authority (?:that|which) every part", r"authority figure", r"carries authority", r"authority that all functions"],
    "zh": [r"权威人物", r"企业上下都认可的权威", r"各职能部门都接受的权威"],
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
    leaders = {"en": r"particularly the CEO, the board, and line management", "zh": r"尤其是 CEO、董事会和直线管理层"}
    assert re.search(leaders[language], statement), f"docs/{language}/{PAGE} § 1 must name the CEO, the board, and line management"
    assert not re.search(r"above all the CMO|especially the CMO|尤其是首席营销官", statement), (
        f"docs/{language}/{PAGE} § 1 repeats the seed's CMO-for-CEO swap"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_suggestion_the_seed_changes_carries_an_editorial_note(language):
    label = {"en": '!!! note "Editorial note"', "zh": '!!! note "编者注"'}[language]
    for anchor in ("clarify-the-mission", "fit-culture-and-structure", "compatible-with-the-ceo", "showpeople-dont-succeed"):
        _, notes = statement_and_notes(language, anchor)
        assert label in notes, f"docs/{language}/{PAGE} § {anchor}: no {label}"


# The first edition's wording, which followed the recruitment-site article: the tests above must reject it.
SEED_VERSIONS = {
    ("en", "compatible-with-the-ceo"): (
        "Choose as CMO someone who can work well with the CEO. A CEO who recruits a CMO is not giving up control of\n"
        "marketing. The CEO should see themselves as the cheerleader for marketing and brand management: keeping control\n"
        "of marketing while drawing on the guidance of marketing experts.\n"
    ),
    ("zh", "compatible-with-the-ceo"): (
        "应选择能与 CEO 良好合作、彼此默契的人担任首席营销官。要记住，CEO 招聘首席营销官，并不意味着放弃对营销的掌控。"
        "CEO 应当把自己视为营销和品牌管理的“啦啦队长”：在掌控营销的同时，也要接受营销专家的指导。\n"
    ),
    ("en", "fit-culture-and-structure"): (
        "In a marketing-oriented company, the post is best created only where the company has one corporate brand rather\n"
        "than many individual brands. Otherwise the appointment works only if the person named CMO carries authority\n"
        "that every part of the company respects, and so can work with all of its functions.\n"
    ),
    ("zh", "fit-culture-and-structure"): (
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
