"""Teacher article pages: who may see them, what a teacher sees, and that nothing typed is lost."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

import quizzes.generation as engine
from articles import services
from articles.decoding import BINARY_FILE, NO_TEXT_IN_HTML
from articles.forms import ASK_NOT_FOUND, ASK_NOTHING, ASK_TOO_LONG, NEITHER_GIVEN
from articles.models import Article
from quizzes.generation.draft import Draft
from quizzes.generation.errors import GenerationError
from quizzes.models import Question
from tests.factories import ArticleFactory, ChoiceFactory, QuestionFactory, TeacherFactory, UserFactory

pytestmark = pytest.mark.django_db
MOSUL = (Path(__file__).resolve().parents[2] / "data" / "articles" / "mosul-offensive.txt").read_text()


@pytest.fixture
def teacher_client(client):
    teacher = TeacherFactory()
    client.force_login(teacher)
    client.teacher = teacher
    return client


def urls_for(article):
    return {
        "get": [
            reverse("article_list"),
            reverse("article_new"),
            reverse("article_detail", args=[article.pk]),
        ],
        "post": [
            reverse("article_generate", args=[article.pk]),
            reverse("article_ask", args=[article.pk]),
            reverse("article_restore", args=[article.pk, 0]),
        ],
    }


def test_anonymous_visitors_are_sent_to_login(client):
    article = ArticleFactory()
    for method, urls in urls_for(article).items():
        for url in urls:
            response = getattr(client, method)(url)
            assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_students_get_not_found(client):
    client.force_login(UserFactory())
    article = ArticleFactory()
    for method, urls in urls_for(article).items():
        for url in urls:
            assert getattr(client, method)(url).status_code == 404, url


def test_another_teacher_cannot_see_or_change_the_article(teacher_client):
    article = ArticleFactory(removed=[{"text": "Comments", "reason": "comments prompt", "position": 0}])
    for url in urls_for(article)["post"] + [reverse("article_detail", args=[article.pk])]:
        method = teacher_client.get if url.endswith(f"/{article.pk}/") else teacher_client.post
        assert method(url).status_code == 404, url
    article.refresh_from_db()
    assert article.removed and not article.questions.exists()
    assert article.title.encode() not in teacher_client.get(reverse("article_list")).content


def test_superuser_sees_every_article(client):
    client.force_login(TeacherFactory(is_superuser=True))
    article = ArticleFactory()
    assert client.get(reverse("article_detail", args=[article.pk])).status_code == 200


def test_pasting_the_mosul_page_shows_the_cleaned_article_and_what_was_removed(teacher_client):
    response = teacher_client.post(
        reverse("article_new"), {"title": "", "text": MOSUL, "source_name": "The Independent"}, follow=True
    )
    article = Article.objects.get(owner=teacher_client.teacher)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("article_detail", args=[article.pk])
    assert "<h1>Mosul offensive: Iraqi troops enter Isis stronghold" in page
    assert page.count("<p data-start=") == 20
    assert f"{article.word_count} words" in page and f"reading grade {article.reading_grade}" in page
    assert "Join our commenting forum</blockquote>" in page
    assert page.count(">Restore<") == len(article.removed)


def test_every_help_text_the_form_points_to_is_on_the_page(teacher_client):
    # Django's widgets say aria-describedby="id_title_helptext"; the page named the help "id_title-help",
    # so a screen reader read no help at all (audit).
    page = teacher_client.get(reverse("article_new")).content.decode()
    described = re.findall(r'aria-describedby="([^"]+)"', page)
    assert described
    for ids in described:
        for id_ in ids.split():
            assert f'id="{id_}"' in page, id_


def test_form_errors_keep_what_the_teacher_typed(teacher_client):
    response = teacher_client.post(
        reverse("article_new"), {"title": "My title", "source_name": "BBC", "text": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert escape(NEITHER_GIVEN) in page
    assert 'value="My title"' in page and 'value="BBC"' in page
    assert not Article.objects.exists()


def test_over_the_cap_the_message_shows_and_the_text_stays(teacher_client, settings):
    settings.PASSAGE_MAX_ARTICLE_WORDS = 50
    response = teacher_client.post(reverse("article_new"), {"title": "Long", "text": MOSUL})
    page = response.content.decode()
    assert "Passage accepts at most 50 words" in page
    assert "Iraqi forces have entered the city of Mosul" in page  # the textarea still holds the paste
    assert not Article.objects.exists()


OVER_THE_REQUEST_LIMIT = "Iraqi forces entered Mosul. " * 200_000  # 5.3 MB: over DATA_UPLOAD_MAX_MEMORY_SIZE


def test_a_paste_over_the_request_limit_says_so_on_the_form():
    """Django refused the form whole with a bare "Bad Request (400)"; CSRF checking, as in production,
    reads the form before the view does."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(TeacherFactory())
    token = client.get(reverse("article_new")).context["csrf_token"]
    data = {"csrfmiddlewaretoken": str(token), "title": "Too long", "text": OVER_THE_REQUEST_LIMIT}
    response = client.post(reverse("article_new"), data)
    page = response.content.decode()
    assert response.status_code == 413
    assert "The text you pasted is too large to send: Passage takes at most 5.0 MB at once" in page
    assert "an article of at most 30,000 words" in page
    assert '<textarea name="text"' in page
    assert not Article.objects.exists()


def test_the_too_large_page_is_for_teachers_only(client):
    response = client.post(reverse("article_new"), {"text": OVER_THE_REQUEST_LIMIT})
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.post(reverse("article_new"), {"text": OVER_THE_REQUEST_LIMIT}).status_code == 404


def test_the_paste_box_stops_a_browser_at_the_request_limit(teacher_client):
    page = teacher_client.get(reverse("article_new")).content.decode()
    assert f'maxlength="{5 * 1024 * 1024 - 64 * 1024}"' in page


def test_uploading_a_windows_1252_file_decodes_it(teacher_client):
    data = "Caf\u00e9 owners in Mosul said the army\u2019s arrival changed everything.".encode("cp1252")
    upload = SimpleUploadedFile("article.txt", data, content_type="text/plain")
    teacher_client.post(reverse("article_new"), {"title": "Cafe", "file": upload})
    assert (
        Article.objects.get().text == "Caf\u00e9 owners in Mosul said the army's arrival changed everything."
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32"])
def test_uploading_utf16_without_bom_or_utf32_saves_the_article(teacher_client, encoding):
    """Refused as "a binary file" (UTF-16 without BOM) or "No article text is left…" (UTF-32) before."""
    upload = SimpleUploadedFile("article.txt", MOSUL.encode(encoding), content_type="text/plain")
    response = teacher_client.post(reverse("article_new"), {"title": "Mosul", "file": upload})
    assert response.status_code == 302
    article = Article.objects.get()
    assert "Iraqi forces have entered the city of Mosul" in article.text
    assert article.raw_text == MOSUL  # UTF-32 was read as UTF-16: a NUL between every two letters


def test_uploading_a_pdf_is_refused_with_a_message(teacher_client):
    upload = SimpleUploadedFile("article.pdf", b"%PDF-1.7\n1 0 obj", content_type="application/pdf")
    response = teacher_client.post(reverse("article_new"), {"title": "Kept title", "file": upload})
    page = response.content.decode()
    assert escape(BINARY_FILE.format(kind="PDF")) in page
    assert 'value="Kept title"' in page
    assert not Article.objects.exists()


def test_oversize_upload_is_refused_with_a_message(teacher_client, settings):
    settings.PASSAGE_MAX_UPLOAD_BYTES = 100
    upload = SimpleUploadedFile(
        "article.txt", b"Iraqi forces entered Mosul. " * 20, content_type="text/plain"
    )
    page = teacher_client.post(reverse("article_new"), {"title": "Big", "file": upload}).content.decode()
    assert "This file is 560 bytes; the largest file Passage accepts is 100 bytes." in page
    assert not Article.objects.exists()


def test_oversize_upload_message_gives_the_files_own_size(teacher_client):
    """Only the limit plus one byte is read, and that was the size the message gave: "2.0 MB" for 5 MB."""
    upload = SimpleUploadedFile("article.txt", b"Iraqi forces entered Mosul. " * 187_246)  # 5.0 MB
    page = teacher_client.post(reverse("article_new"), {"title": "Big", "file": upload}).content.decode()
    assert "This file is 5.0 MB; the largest file Passage accepts is 2.0 MB." in page
    assert not Article.objects.exists()


def test_script_in_title_and_text_is_shown_escaped(teacher_client):
    article = ArticleFactory(
        owner=teacher_client.teacher,
        title="<script>alert('t')</script>",
        text="Iraqi forces <script>alert('x')</script> entered Mosul.",
        removed=[{"text": "<img src=x onerror=alert(1)>", "reason": "caption", "position": 0}],
    )
    QuestionFactory(article=article, prompt="<b>Who</b> entered?")
    for url in (reverse("article_detail", args=[article.pk]), reverse("article_list")):
        page = teacher_client.get(url).content.decode()
        assert "<script>alert(" not in page and "<img src=x" not in page and "<b>Who" not in page
        assert "&lt;script&gt;alert(" in page


def test_restore_button_puts_the_paragraph_back(teacher_client):
    article = services.article_create(owner=teacher_client.teacher, title="", raw_text=MOSUL)
    index = [item["text"] for item in article.removed].index("Comments")
    teacher_client.post(reverse("article_restore", args=[article.pk, index]))
    article.refresh_from_db()
    assert article.text.endswith("\n\nComments")


@pytest.fixture
def fake_engine(monkeypatch):
    state = {"error": None}

    def make(text, start, end):
        return Draft(
            prompt="Which city did Iraqi forces enter?",
            answer=text[start:end],
            kind="short_answer",
            choices=(),
            accepted_answers=(),
            evidence_start=0,
            evidence_end=text.index(".") + 1,
            score=1.0,
            form="which",
        )

    def generate(text, limit=None):
        if state["error"]:
            raise GenerationError(state["error"])
        return [make(text, text.index("Mosul"), text.index("Mosul") + 5)]

    monkeypatch.setattr(engine, "generate_questions", generate, raising=False)
    monkeypatch.setattr(engine, "question_for_answer", make, raising=False)
    monkeypatch.setattr(engine, "GENERATOR_VERSION", "test-1", raising=False)
    return state


def test_generate_button_works_as_a_plain_form(teacher_client, fake_engine):
    article = ArticleFactory(owner=teacher_client.teacher)
    response = teacher_client.post(reverse("article_generate", args=[article.pk]), follow=True)
    page = response.content.decode()
    assert "1 draft question(s) generated for review." in page
    assert "Which city did Iraqi forces enter?" in page
    assert article.questions.get().status == Question.Status.DRAFT


def test_generate_with_htmx_returns_only_the_questions_panel(teacher_client, fake_engine):
    article = ArticleFactory(owner=teacher_client.teacher)
    response = teacher_client.post(
        reverse("article_generate", args=[article.pk]), headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<section class="article-questions" id="questions-panel"')
    assert "<html" not in page and "generated for review" in page


def test_generate_refusal_is_shown_as_a_message(teacher_client, fake_engine):
    fake_engine["error"] = "No questions could be generated from this text because it is too short."
    article = ArticleFactory(owner=teacher_client.teacher)
    page = teacher_client.post(reverse("article_generate", args=[article.pk]), follow=True).content.decode()
    assert "because it is too short." in page
    assert not article.questions.exists()


def test_ask_about_a_selection_uses_its_offsets(teacher_client, fake_engine):
    article = ArticleFactory(owner=teacher_client.teacher)
    start = article.text.index("Abu Bakr al-Baghdadi")
    data = {"phrase": "Abu Bakr al-Baghdadi", "start": start, "end": start + 20}
    teacher_client.post(reverse("article_ask", args=[article.pk]), data)
    assert article.questions.get().answer == "Abu Bakr al-Baghdadi"


def test_ask_about_a_typed_phrase_finds_it_in_the_text(teacher_client, fake_engine):
    article = ArticleFactory(owner=teacher_client.teacher)
    teacher_client.post(reverse("article_ask", args=[article.pk]), {"phrase": "islamic caliphate"})
    assert article.questions.get().answer == "Islamic caliphate"


def test_ask_about_a_phrase_not_in_the_article_says_so_and_keeps_it(teacher_client, fake_engine):
    article = ArticleFactory(owner=teacher_client.teacher)
    response = teacher_client.post(reverse("article_ask", args=[article.pk]), {"phrase": "Kabul airport"})
    page = response.content.decode()
    assert escape(ASK_NOT_FOUND.format(phrase="Kabul airport")) in page
    assert 'value="Kabul airport"' in page
    assert not article.questions.exists()


def test_ask_about_an_overlong_phrase_gives_one_message_that_says_what_to_do(teacher_client, fake_engine):
    # It used to add "Select a phrase in the article, or type one." under the length error.
    article = ArticleFactory(owner=teacher_client.teacher)
    response = teacher_client.post(reverse("article_ask", args=[article.pk]), {"phrase": "word " * 101})
    page = response.content.decode()
    assert escape(ASK_TOO_LONG) in page and escape(ASK_NOTHING) not in page
    assert not article.questions.exists()


FUZZ_TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["\u202eevil\u202c", "\U0001f4da\U0001f30d", "a\x00b", "x" * 10_000, "<script>alert(1)</script>"]
    ),
)


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=FUZZ_TEXT, text=FUZZ_TEXT, source=FUZZ_TEXT)
def test_article_form_never_fails_and_always_escapes(teacher_client, title, text, source):
    data = {"title": title, "text": text, "source_name": source}
    response = teacher_client.post(reverse("article_new"), data, follow=True)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_ask_with_htmx_returns_the_panel_with_the_new_question(teacher_client, fake_engine):
    article = ArticleFactory(owner=teacher_client.teacher)
    response = teacher_client.post(
        reverse("article_ask", args=[article.pk]), {"phrase": "Mosul"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<section class="article-questions"')
    assert "Question about that phrase: Which city did Iraqi forces enter?" in page
    # The new draft is linked: in the list (it joins the end) and on its edit page.
    question = article.questions.get()
    assert f'<a href="#question-{question.pk}">Show it in the list</a>' in page
    assert f'id="question-{question.pk}"' in page
    assert reverse("admin:quizzes_question_change", args=[question.pk]) in page


def test_ask_with_a_stale_selection_uses_the_typed_phrase(teacher_client, fake_engine):
    article = ArticleFactory(owner=teacher_client.teacher)
    teacher_client.post(
        reverse("article_ask", args=[article.pk]), {"phrase": "100,000 forces", "start": 0, "end": 5}
    )
    assert article.questions.get().answer == "100,000 forces"


GERMAN = (
    "Die irakischen Streitkr\u00e4fte sind zum ersten Mal seit zwei Jahren in die Stadt Mosul eingedrungen. "
    "Sie versuchen, eine der letzten Hochburgen der Terrormiliz zur\u00fcckzuerobern, sagte ein Sprecher."
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Iraqi forces entered Mosul.", "because it is too short"),
        (GERMAN, "does not look like English"),
        ("1 2 3 4 5\n6 7 8 9 10\n11 12 13 14 15", "no words"),
    ],
)
def test_bad_articles_get_a_clear_message_from_generation_and_nothing_saved(teacher_client, text, message):
    teacher_client.post(reverse("article_new"), {"title": "Bad input", "text": text})
    article = Article.objects.get()
    response = teacher_client.post(reverse("article_generate", args=[article.pk]), follow=True)
    page = response.content.decode()
    assert "No questions could be generated from this text because" in page and message in page
    assert not article.questions.exists()


def test_pasted_page_source_is_reduced_to_its_article(teacher_client):
    html = (
        "<html><body><nav>Home | World</nav><article>"
        + "".join(f"<p>{line}</p>" for line in MOSUL.splitlines()[4:10])
        + "</article></body></html>"
    )
    teacher_client.post(reverse("article_new"), {"title": "Pasted HTML", "text": html})
    article = Article.objects.get()
    assert "<p>" not in article.text and "Home | World" not in article.text
    assert article.text.startswith("Iraqi forces have entered the city of Mosul")


def test_pasted_markup_without_text_is_refused_and_kept(teacher_client):
    markup = "<html><body><div><img src='a.png'></div><div></div></body></html>"
    page = teacher_client.post(reverse("article_new"), {"title": "Markup", "text": markup}).content.decode()
    assert escape(NO_TEXT_IN_HTML) in page
    assert escape(markup) in page
    assert not Article.objects.exists()


def _page_source(*extra_paragraphs: str) -> str:
    paragraphs = [*MOSUL.splitlines()[7:12], *extra_paragraphs]
    return (
        "<!DOCTYPE html><html><head><title>Mosul</title></head><body><nav>Home | World</nav><article>"
        + "".join(f"<p>{line}</p>" for line in paragraphs)
        + "</article></body></html>"
    )


def test_uploaded_web_page_keeps_its_markup_as_raw_text_and_cleans_the_article(teacher_client):
    html = _page_source()
    upload = SimpleUploadedFile("mosul.html", html.encode("utf-8"), content_type="text/html")
    teacher_client.post(reverse("article_new"), {"title": "Uploaded page", "file": upload})
    article = Article.objects.get()
    assert article.raw_text == html
    assert "<article>" not in article.text and "Home | World" not in article.text
    assert article.text.startswith("A coalition of forces")


def test_pasted_web_page_keeps_its_markup_and_a_removed_paragraph_comes_back_as_text(teacher_client):
    html = _page_source("Subscribe to Independent Premium to bookmark this article")
    teacher_client.post(reverse("article_new"), {"title": "Pasted page", "text": html})
    article = Article.objects.get()
    assert article.raw_text == html and "<p>" in article.raw_text
    index = [item["text"] for item in article.removed].index(
        "Subscribe to Independent Premium to bookmark this article"
    )
    teacher_client.post(reverse("article_restore", args=[article.pk, index]))
    article.refresh_from_db()
    assert article.text.endswith("\n\nSubscribe to Independent Premium to bookmark this article")
    assert "<p>" not in article.text and "Home | World" not in article.text


def test_the_question_list_gives_a_short_answer_its_answer_not_a_choice_it_kept(teacher_client):
    # Turned from multiple choice into a short answer, a question keeps its choices; the list showed them, the
    # old one marked "(right answer)", and never the answer students are graded against.
    article = ArticleFactory(owner=teacher_client.teacher)
    question = QuestionFactory(article=article, answer="two years of roadworks")
    ChoiceFactory(question=question, text="the two years", is_correct=True)
    page = teacher_client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert "Answer: <strong>two years of roadworks</strong>" in page
    assert "the two years" not in page
