"""Admin pages of a classroom beyond its change form: bulk student accounts and the projector link.

Each view is built for one ModelAdmin so that it uses that admin's scoped queryset: a teacher reaching for
another teacher's class gets a 404. New passwords are shown once, in the response, and never stored.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from articles.decoding import DecodeError, decode_bytes, human_size
from quizzes.services import board_token_revoke, board_token_rotate, messages, students_bulk_create


class BulkStudentsForm(forms.Form):
    names = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12, "cols": 50}),
        required=False,
        label="Student names, one per line (optionally “name, username”)",
    )
    csv_file = forms.FileField(required=False, label="…or a CSV file (names in the first column)")

    def clean(self):
        cleaned = super().clean()
        lines = cleaned.get("names", "").splitlines()
        upload = cleaned.get("csv_file")
        if upload:
            try:
                lines += lines_from_upload(upload)
            except forms.ValidationError as error:
                self.add_error("csv_file", error)
        cleaned["lines"] = lines
        return cleaned


def lines_from_upload(upload: UploadedFile) -> list[str]:
    """The uploaded CSV's lines; `students_bulk_create` parses "name[,username]" and skips a header.

    Decoded as an article upload is (UTF-8, UTF-16, Windows-1252…), so a spreadsheet's "Unicode text"
    does not become names like "ÿþAna", and a PDF or Word file is named as such rather than read as names.
    """
    limit = messages.BULK_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise forms.ValidationError(
            messages.BULK_FILE_TOO_LARGE.format(
                size=human_size(upload.size), limit=human_size(limit), names=messages.BULK_MAX_NAMES
            )
        )
    data = upload.read()
    if not data.strip():
        return []
    try:
        return decode_bytes(data).splitlines()
    except DecodeError as error:
        raise forms.ValidationError(
            messages.BULK_FILE_NOT_TEXT.format(kind=error.binary_kind or "binary")
        ) from error


def scoped_classroom(model_admin, request, classroom_id: int):
    classroom = get_object_or_404(model_admin.get_queryset(request), pk=classroom_id)
    if not model_admin.has_change_permission(request, classroom):
        raise PermissionDenied
    return classroom


def admin_context(model_admin, request, classroom, title: str) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": classroom,
        "classroom": classroom,
        "title": title,
    }


def bulk_students(model_admin):
    @never_cache
    def view(request, classroom_id: int):
        classroom = scoped_classroom(model_admin, request, classroom_id)
        context = admin_context(model_admin, request, classroom, f"Create student accounts for {classroom}")
        form = BulkStudentsForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                credentials = students_bulk_create(classroom=classroom, lines=form.cleaned_data["lines"])
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                renamed = [credential for credential in credentials if credential.renamed_from]
                context.update(
                    credentials=credentials, renamed=renamed, title=f"New accounts for {classroom}"
                )
                return TemplateResponse(request, "admin/quizzes/credentials.html", context)
        context["form"] = form
        return TemplateResponse(request, "admin/quizzes/classroom/bulk_students.html", context)

    return view


def projector_link(model_admin):
    @never_cache
    def view(request, classroom_id: int):
        classroom = scoped_classroom(model_admin, request, classroom_id)
        if request.method == "POST":
            if request.POST.get("do") == "revoke":
                board_token_revoke(classroom=classroom)
                model_admin.message_user(request, "The projector link no longer works.")
            else:
                board_token_rotate(classroom=classroom)
                model_admin.message_user(
                    request, "A new projector link was made; the old one no longer works."
                )
            classroom.refresh_from_db()
        context = admin_context(model_admin, request, classroom, f"Projector link for {classroom}")
        context["board_url"] = board_url(request, classroom)
        return TemplateResponse(request, "admin/quizzes/classroom/projector.html", context)

    return view


def board_url(request, classroom) -> str:
    """The full read-only link to open on the classroom computer, or "" when revoked."""
    from django.urls import NoReverseMatch, reverse

    if not classroom.board_token:
        return ""
    try:
        path = reverse("board", kwargs={"token": classroom.board_token})
    except NoReverseMatch:
        path = f"/board/{classroom.board_token}/"
    return request.build_absolute_uri(path)
