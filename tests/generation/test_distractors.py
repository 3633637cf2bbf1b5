"""Wrong options a teacher would keep: the answer's own kind, the answer's format, never the answer again."""

import re

from quizzes.generation import data, generate_questions
from quizzes.generation.textnorm import normalize


def wrong_options(text: str, answer: str) -> list[set[str]]:
    """The wrong options of each multiple-choice draft with this answer (failing if there is none)."""
    drafts = generate_questions(text)
    found = [set(d.choices) - {answer} for d in drafts if d.answer == answer and d.kind == "multiple_choice"]
    assert found, [(d.prompt, d.answer) for d in drafts]
    return found


def _by_answer(drafts, answer):
    return next(d for d in drafts if d.answer == answer)


def test_number_options_keep_the_answer_format(mosul_drafts):
    draft = _by_answer(mosul_drafts, "100,000")
    assert draft.kind == "multiple_choice"
    assert all(re.fullmatch(r"\d{1,3}(,\d{3})+", choice) for choice in draft.choices), draft.choices


def test_date_options_are_near_dates_of_the_same_shape(mosul_drafts):
    draft = _by_answer(mosul_drafts, "2014")
    years = sorted(int(c) for c in draft.choices)
    assert years[-1] - years[0] <= 10 and len(set(years)) == 4
    weekday = _by_answer(mosul_drafts, "Monday")
    assert set(weekday.choices) <= {
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    }


def test_person_options_are_other_people_from_the_article(mosul_drafts):
    draft = _by_answer(mosul_drafts, "Abu Bakr al-Baghdadi")
    wrong = [c for c in draft.choices if c != draft.answer]
    assert all(c in ("Brett McGurk", "Boris Johnson", "Obama") for c in wrong), wrong
    # The answer under another name ("Baghdadi", real name "Ibrahim al-Samarrai") is no wrong option.
    assert "Baghdadi" not in wrong and "Ibrahim al-Samarrai" not in wrong


def test_no_option_repeats_or_contains_the_answer(mosul_drafts, xquad_runs):
    drafts = list(mosul_drafts) + [d for _text, run in xquad_runs for d in run]
    for d in drafts:
        if d.kind != "multiple_choice":
            continue
        answer = f" {normalize(d.answer)} "
        for choice in d.choices:
            if choice == d.answer:
                continue
            option = f" {normalize(choice)} "
            assert option not in answer and answer not in option, (d.answer, d.choices)


def test_too_few_options_make_a_short_answer_question(mosul_drafts):
    shorts = [d for d in mosul_drafts if d.kind == "short_answer"]
    assert shorts and all(d.choices == () and d.answer in d.accepted_answers for d in shorts)


MIDDLE_EAST_CITIES = set(data.CITIES_BY_REGION["the Middle East"])


def test_a_city_is_offered_beside_cities_of_its_own_part_of_the_world(mosul_drafts):
    # Delhi, Dublin and Geneva beside Mosul gave the answer away to anyone who knew where Mosul is.
    draft = next(d for d in mosul_drafts if d.answer == "Mosul" and d.kind == "multiple_choice")
    wrong = set(draft.choices) - {"Mosul"}
    assert len(wrong) == 3 and wrong <= MIDDLE_EAST_CITIES, draft.choices


def test_a_false_statement_swaps_in_a_place_that_could_be_true(mosul_drafts):
    swapped = [d for d in mosul_drafts if d.kind == "true_false" and d.answer == "False"]
    battle = next(d for d in swapped if "led Baghdadi to release his first audio message" in d.prompt)
    place = battle.prompt.removeprefix("True or false: The battle for ").split(" led ")[0]
    assert place in MIDDLE_EAST_CITIES and place != "Mosul", battle.prompt


def test_a_place_the_lists_do_not_know_takes_the_region_of_the_article():
    # Hamburg is in no list, but the article's other places are German: the wrong options are European cities.
    text = (
        "The festival of lights draws crowds to Hamburg every December. Visitors from Berlin and from across "
        "Germany fill the hotels of Hamburg for four nights. The mayor of Hamburg said the festival brought "
        "two million visitors last year, more than ever before."
    )
    for wrong in wrong_options(text, "Hamburg"):
        assert wrong <= set(data.CITIES_BY_REGION["Europe"]), wrong


CAR_MAKER_NEWS = (
    "Shares in Volkswagen fell sharply on Tuesday after the company reported lower profits. "
    "Volkswagen said its customers in China bought fewer cars last year. Investors expect the firm to cut "
    "costs, and its chief executive promised a new product for the market."
)


def test_an_armed_group_is_offered_beside_other_armed_groups(mosul_drafts):
    # The World Bank and the European Union beside Isis gave the answer away.
    draft = next(d for d in mosul_drafts if d.answer == "Isis" and d.kind == "multiple_choice")
    wrong = set(draft.choices) - {"Isis"}
    armed = set(data.ORGANISATION_LISTS["armed"]) | {"Kurdish Peshmerga"}  # the article's own fighting force
    assert len(wrong) == 3 and wrong <= armed, draft.choices


def test_a_company_in_business_news_is_offered_beside_companies():
    for wrong in wrong_options(CAR_MAKER_NEWS, "Volkswagen"):
        assert wrong <= set(data.ORGANISATION_LISTS["company"]), wrong


def test_people_named_by_their_role_are_asked_about_with_who():
    drafts = generate_questions(CAR_MAKER_NEWS)
    asked = {(d.answer, d.prompt.split(" ", 1)[0]) for d in drafts}
    assert ("customers", "Who") in asked and ("chief executive", "Who") in asked
    assert not {("customers", "What"), ("chief executive", "What")} & asked


def test_an_organisation_the_lists_know_keeps_its_own_kind_even_in_a_war_report():
    text = (
        "The United Nations warned that 200,000 civilians could flee the fighting around Mosul. Militants "
        "fired rockets at troops as the offensive against the stronghold continued, and soldiers said the "
        "army had lost ground to the rebels."
    )
    for wrong in wrong_options(text, "The United Nations"):  # international bodies, not the Taliban
        assert wrong <= set(data.ORGANISATION_LISTS["general"]), wrong
