"""Student-facing forms: they check shape (lengths, required fields); the services decide what is allowed."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm

from quizzes import throttle
from quizzes.services import messages


class _ThrottledSignInMixin:
    """Slows sign-ins down per account (never per address: a class shares one address).

    Only a wrong username/password counts: a student with the right password at the admin door is
    turned away by the admin form but not pushed towards a lock.
    """

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if username:
            _refuse_while_locked(throttle.login_status(username=username))
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username and self.get_user() is None:
                _refuse_while_locked(throttle.login_failed(username=username))
            raise
        throttle.login_succeeded(username=username)
        return cleaned


def _refuse_while_locked(status: throttle.ThrottleStatus) -> None:
    if status.locked:
        raise forms.ValidationError(
            messages.LOGIN_TOO_MANY_ATTEMPTS.format(minutes=status.retry_after_minutes), code="throttled"
        )


class ThrottledAuthenticationForm(_ThrottledSignInMixin, AuthenticationForm):
    """The student sign-in form."""


class ThrottledAdminAuthenticationForm(_ThrottledSignInMixin, AdminAuthenticationForm):
    """The admin sign-in form, sharing the student form's per-account counters: one lock for both doors."""


class JoinClassroomForm(forms.Form):
    join_code = forms.CharField(
        label="Class code",
        max_length=32,
        strip=True,
        # A code is a few letters: anything longer is not one (Django's "at most 32 characters" said less).
        error_messages={"max_length": messages.JOIN_CODE_UNKNOWN, "required": messages.JOIN_CODE_REQUIRED},
    )
    display_name = forms.CharField(
        label="Your name, as your class will see it",
        max_length=messages.DISPLAY_NAME_MAX_LENGTH,
        strip=True,
        error_messages={
            "required": messages.JOIN_DISPLAY_NAME_REQUIRED,
            "max_length": messages.JOIN_DISPLAY_NAME_TOO_LONG,
        },
    )


class AnswerForm(forms.Form):
    """One answer: a choice id for multiple choice and true/false, free text for short answers."""

    choice = forms.IntegerField(required=False, min_value=1)
    answer_text = forms.CharField(
        required=False,
        max_length=messages.ANSWER_MAX_LENGTH,
        strip=True,
        error_messages={"max_length": messages.ANSWER_TOO_LONG},
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("choice") and not cleaned.get("answer_text"):
            raise forms.ValidationError(messages.ANSWER_REQUIRED, code="required")
        return cleaned
