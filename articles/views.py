"""Teacher article pages: paste or upload, read the cleaned article, restore, generate, ask about a phrase.

Thin views over `articles.services` and `quizzes.services`. Only staff reach them; a teacher sees only
their own articles and anyone else gets a 404, so ids cannot be probed. Every HTMX control is a real form.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles import selectors, services
from articles.decoding import DecodeError, human_size, read_upload, refuse_oversize
from articles.forms import TOO_LARGE_TO_SEND, ArticleForm, AskForm
from config.request_size import when_too_large
from quizzes.services.generation import question_ask, questions_generate
from quizzes.views import HtmxHttpRequest

DETAIL = "articles/article_detail.html"


def teacher_required(view):
    """Signed-in staff only; to everyone else signed in, these pages do not exist."""

    @login_required
    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args, **kwargs):
        if not request.user.is_staff:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@require_GET
@teacher_required
def article_list(request: HtmxHttpRequest) -> HttpResponse:
    articles = selectors.articles_for_teacher(user=request.user)
    return render(request, "articles/article_list.html", {"articles": articles})


@teacher_required
def article_too_large(request: HtmxHttpRequest) -> HttpResponse:
    """The add-article page again when the paste was over DATA_UPLOAD_MAX_MEMORY_SIZE (see
    config/request_size.py): Django could not read the form at all, so nothing typed can be shown back."""
    message = TOO_LARGE_TO_SEND.format(
        limit=human_size(settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0), words=settings.PASSAGE_MAX_ARTICLE_WORDS
    )
    context = {"form": ArticleForm(), "too_large": message}
    return render(request, "articles/article_new.html", context, status=413)


@when_too_large(article_too_large)
@require_http_methods(["GET", "POST"])
@teacher_required
def article_new(request: HtmxHttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.article_create(
                owner=request.user,
                title=form.cleaned_data["title"],
                raw_text=_submitted_text(form),
                source_name=form.cleaned_data["source_name"],
                source_url=form.cleaned_data["source_url"],
            )
        except DecodeError as error:
            form.add_error("file" if form.cleaned_data.get("file") else "text", str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Saved \u201c{article.title}\u201d ({article.word_count} words).")
            return redirect("article_detail", article_id=article.pk)
    return render(request, "articles/article_new.html", {"form": form})


def _submitted_text(form: ArticleForm) -> str:
    """What the teacher submitted, as text: kept as the raw text; article_create extracts a web page's
    main text (pasted page source or uploaded file alike) before cleaning."""
    upload = form.cleaned_data.get("file")
    if not upload:
        return form.cleaned_data["text"]
    limit = settings.PASSAGE_MAX_UPLOAD_BYTES
    if upload.size is not None:
        refuse_oversize(upload.size, max_bytes=limit)  # the file's size: only limit + 1 bytes are read
    return read_upload(upload.read(limit + 1), max_bytes=limit)  # never read more than one byte over


def _detail(
    request: HtmxHttpRequest, article, *, ask_form: AskForm | None = None, partial: str = ""
) -> HttpResponse:
    context = {
        "article": article,
        "paragraphs": selectors.article_paragraphs(article=article),
        "questions": selectors.article_questions(article=article),
        "ask_form": ask_form or AskForm(article_text=article.text),
    }
    template = f"{DETAIL}#{partial}" if partial and request.htmx else DETAIL
    return render(request, template, context)


@require_GET
@teacher_required
def article_detail(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    return _detail(request, selectors.article_for_teacher(user=request.user, article_id=article_id))


@require_POST
@teacher_required
def article_generate(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = selectors.article_for_teacher(user=request.user, article_id=article_id)
    try:
        result = questions_generate(article=article)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, result.message)
    if request.htmx:
        return _detail(request, article, partial="questions-panel")
    return redirect("article_detail", article_id=article.pk)


@require_POST
@teacher_required
def article_ask(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = selectors.article_for_teacher(user=request.user, article_id=article_id)
    form = AskForm(request.POST, article_text=article.text)
    if form.is_valid():
        try:
            question = question_ask(
                article=article, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # The new draft joins the end of a long list: link straight to it and to its edit page.
            messages.success(
                request,
                format_html(
                    'Question about that phrase: {} <a href="#question-{}">Show it in the list</a> · '
                    '<a href="{}">Edit it</a>',
                    question.prompt,
                    question.pk,
                    reverse("admin:quizzes_question_change", args=[question.pk]),
                ),
            )
            if not request.htmx:
                return redirect("article_detail", article_id=article.pk)
            return _detail(request, article, partial="questions-panel")  # the next ask starts empty
    return _detail(request, article, ask_form=form, partial="questions-panel")


@require_POST
@teacher_required
def article_restore(request: HtmxHttpRequest, article_id: int, index: int) -> HttpResponse:
    article = selectors.article_for_teacher(user=request.user, article_id=article_id)
    try:
        update = services.article_restore_removed(article=article, index=index)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Paragraph restored. " + update.message)
    return redirect("article_detail", article_id=article.pk)
