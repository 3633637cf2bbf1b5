"""The two article commands, and generation end to end with the real engine."""

import json
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from articles import services
from articles.models import Article
from quizzes.models import Choice, Question
from quizzes.services.generation import questions_generate
from tests.factories import QuestionFactory, TeacherFactory

MOSUL_PATH = Path(__file__).resolve().parents[2] / "data" / "articles" / "mosul-offensive.txt"
MOSUL = MOSUL_PATH.read_text()


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def mosul_json():
    return json.loads(run("generate_questions", str(MOSUL_PATH), "--limit", "10", "--json")[0])


def test_generate_questions_json_lists_drafts_with_their_evidence_sentence(mosul_json):
    assert 1 <= len(mosul_json) <= 10
    keys = {
        "prompt",
        "answer",
        "kind",
        "choices",
        "accepted_answers",
        "evidence_start",
        "evidence_end",
        "score",
        "form",
        "evidence",
    }
    for row in mosul_json:
        assert keys <= set(row)
        assert row["evidence"] in MOSUL.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


def test_generate_questions_never_asks_about_the_boilerplate(mosul_json):
    for row in mosul_json:
        for clutter in ("support", "Independent", "Subscribe", "comment", "bookmark"):
            assert clutter not in row["evidence"]


@pytest.mark.django_db
def test_generate_questions_does_not_touch_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        out, _ = run("generate_questions", str(MOSUL_PATH), "--limit", "3")
    assert "Who first announced the creation of an Islamic caliphate in 2014?" in out
    assert "Answer: Abu Bakr al-Baghdadi" in out


def test_generate_questions_cleans_html_like_an_import(tmp_path):
    paragraphs = "".join(f"<p>{line}</p>" for line in MOSUL.splitlines())
    page = tmp_path / "mosul.html"
    page.write_text(
        f"<!doctype html><html><body><nav>Home | World</nav><article>{paragraphs}</article></body></html>"
    )
    rows = json.loads(run("generate_questions", str(page), "--json", "--limit", "5")[0])
    assert rows and all("Home | World" not in row["evidence"] for row in rows)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "This file is empty."),
        (b"%PDF-1.4", "PDF"),
        (b"1 2 3 4 5 6 7 8 9 10", "no questions could be generated"),
    ],
)
def test_generate_questions_bad_files_give_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        run("generate_questions", str(path))
    assert message.lower() in str(error.value).lower()


@pytest.mark.django_db
def test_import_articles_reports_bad_files_and_imports_the_rest(tmp_path):
    teacher = TeacherFactory(username="ms_khan")
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    other = tmp_path / "second-article.txt"
    other.write_text("Iraqi forces entered Mosul on Tuesday.\nThe army advanced from the east.")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command(
            "import_articles", str(MOSUL_PATH), str(bad), str(other), owner="ms_khan", stdout=out, stderr=err
        )
    titles = sorted(Article.objects.filter(owner=teacher).values_list("title", flat=True))
    assert titles == [
        "Mosul offensive: Iraqi troops enter Isis stronghold for first time in two years",
        "Second article",
    ]
    assert "photo.png: not imported: This looks like a PNG image file" in out.getvalue()
    assert "Imported 2 of 3 file(s)." in out.getvalue()
    assert "3/3" in err.getvalue()  # the progress bar reached the end


@pytest.mark.django_db
def test_import_articles_with_generate_saves_drafts():
    TeacherFactory(username="ms_khan")
    out, _ = run("import_articles", str(MOSUL_PATH), "--owner", "ms_khan", "--generate")
    article = Article.objects.get()
    assert article.questions.filter(status=Question.Status.DRAFT).count() >= 10
    assert "draft question(s) generated" in out


@pytest.mark.django_db
def test_import_articles_unknown_owner_is_refused():
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        run("import_articles", str(MOSUL_PATH), "--owner", "nobody")


@pytest.mark.django_db
def test_real_generation_on_mosul_spreads_the_right_choice_and_keeps_evidence():
    article = services.article_create(owner=TeacherFactory(), title="", raw_text=MOSUL)
    result = questions_generate(article=article, limit=20)
    assert result.created >= 10
    positions = Counter(Choice.objects.filter(is_correct=True).values_list("position", flat=True))
    assert len(positions) >= 3  # the right choice is not always in the same place
    for question in article.questions.all():
        sentence = article.text[question.evidence_start : question.evidence_end]
        assert question.kind == Question.Kind.TRUE_FALSE or question.answer in sentence


@pytest.mark.django_db
def test_real_generation_refusal_saves_nothing_and_keeps_old_drafts():
    article = services.article_create(
        owner=TeacherFactory(), title="Numbers", raw_text="1 2 3 4 5 6 7 8 9 10 11 12"
    )
    old = QuestionFactory(article=article, origin=Question.Origin.GENERATED, status=Question.Status.DRAFT)
    with pytest.raises(ValidationError) as error:
        questions_generate(article=article)
    assert error.value.messages[0].startswith("No questions could be generated from this text because")
    assert list(article.questions.all()) == [old]
