"""The teacher's paste-or-upload form. Every field is kept on error so nothing typed is lost."""

from django import forms
from django.conf import settings

from articles.models import Article

BOTH_GIVEN = "Paste the text or choose a file, not both."
NEITHER_GIVEN = "Paste the article's text or choose a file."
TOO_LARGE_TO_SEND = (
    "The text you pasted is too large to send: Passage takes at most {limit} at once, and an article of at "
    "most {words:,} words. Nothing was saved, and the text could not be kept: paste only the article itself."
)
# Room left in the request for the other fields (title, source, the CSRF token) and the form's encoding.
PASTE_RESERVED_BYTES = 64 * 1024
ASK_NOTHING = "Select a phrase in the article, or type one."
ASK_NOT_FOUND = "\u201c{phrase}\u201d does not appear in the article's text."


class ArticleForm(forms.Form):
    title = forms.CharField(
        max_length=Article._meta.get_field("title").max_length,
        required=False,
        help_text="Leave empty to use the article's headline.",
    )
    source_name = forms.CharField(max_length=200, required=False, label="Source (publication)")
    source_url = forms.URLField(
        max_length=500, required=False, label="Source web address", assume_scheme="https"
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 16}),
        required=False,
        strip=False,
        label="Article text",
        help_text="Paste the whole page: Passage removes adverts, "
        "appeals and captions, and shows you what it removed.",
    )
    file = forms.FileField(
        required=False, label="…or upload a file", help_text="A text file (.txt) or a saved web page (.html)."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A browser stops a paste at maxlength; past the request limit Django refuses the whole form, and
        # the text is lost. Characters, not bytes: text in other scripts can still go over, and is told so
        # by the app (up to the proxy's own limit: deploy/nginx.conf's client_max_body_size).
        if paste_max_chars() is not None:
            self.fields["text"].widget.attrs["maxlength"] = paste_max_chars()

    def clean(self):
        cleaned = super().clean()
        has_text = bool((cleaned.get("text") or "").strip())
        has_file = bool(cleaned.get("file"))
        if has_text and has_file:
            raise forms.ValidationError(BOTH_GIVEN)
        if not has_text and not has_file and "text" not in self.errors and "file" not in self.errors:
            raise forms.ValidationError(NEITHER_GIVEN)
        return cleaned


def paste_max_chars() -> int | None:
    """The paste box's maxlength, or None (no limit in the browser) when the request size is unlimited."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if not limit:
        return None
    return max(limit - PASTE_RESERVED_BYTES, limit // 2)


ASK_MAX_CHARS = 500
ASK_TOO_LONG = (
    f"Ask about a phrase of at most {ASK_MAX_CHARS} characters (a name, a number, a few words), "
    "not a passage."
)


class AskForm(forms.Form):
    """A phrase to ask about: the selection's offsets (filled by ask.js) or a typed phrase."""

    phrase = forms.CharField(
        max_length=ASK_MAX_CHARS,
        required=False,
        label="Phrase from the article",
        error_messages={"max_length": ASK_TOO_LONG},
    )
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, article_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.article_text = article_text

    def clean(self):
        cleaned = super().clean()
        if "phrase" in self.errors:  # too long: its own message says what to do, not "select a phrase"
            return cleaned
        phrase = (cleaned.get("phrase") or "").strip()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and self._span_matches(start, end, phrase):
            span = self.article_text[start:end]
            cleaned["start"] = start + len(span) - len(span.lstrip())
            cleaned["end"] = end - (len(span) - len(span.rstrip()))
            return cleaned
        if not phrase:
            raise forms.ValidationError(ASK_NOTHING)
        found = self.article_text.casefold().find(phrase.casefold())
        if found == -1:
            raise forms.ValidationError(ASK_NOT_FOUND.format(phrase=phrase[:80]))
        cleaned["start"], cleaned["end"] = found, found + len(phrase)
        return cleaned

    def _span_matches(self, start: int, end: int, phrase: str) -> bool:
        """The selection is used only if it still says what the (possibly edited) phrase box says."""
        span = self.article_text[start:end] if start < end <= len(self.article_text) else ""
        return bool(span.strip()) and (not phrase or " ".join(span.split()) == " ".join(phrase.split()))
