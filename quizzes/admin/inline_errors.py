"""An inline's errors repeated at the top of the change form, where the teacher is looking.

Django's change form says "Please correct the error below." at the top and lists only the main form's own
non-field errors under it; a choice's error ("Tick the choice that is the right answer.", a blank choice)
sits in the inline a screen or more further down, so a teacher reads the note, sees nothing wrong and
saves again. Each inline error is also added to the main form's non-field errors, which the page shows
right under that note, saying which inline, row and column it is in.
"""

from django.forms.formsets import DELETION_FIELD_NAME, BaseFormSet
from django.utils.text import capfirst

INLINE_ERROR = "{inline}: {error}"
INLINE_ROW_ERROR = "{inline}, row {row}: {error}"
INLINE_CELL_ERROR = "{inline}, row {row}, {field}: {error}"


def inline_errors(formset: BaseFormSet, inline: str) -> list[str]:
    """The errors of a bound `formset` shown as the inline named `inline` ("Choices"), each saying where
    it is: rows are numbered as the page shows them (and as their inputs' accessible names say)."""
    found = [INLINE_ERROR.format(inline=inline, error=error) for error in formset.non_form_errors()]
    for row, form in enumerate(formset.forms, start=1):
        # A row marked for deletion is not saved, so Django ignores its errors; so does this.
        if not form.errors or form.cleaned_data.get(DELETION_FIELD_NAME):
            continue
        for name, errors in form.errors.items():
            field = form.fields.get(name)
            for error in errors:
                if field is None:  # the row's own non-field errors
                    found.append(INLINE_ROW_ERROR.format(inline=inline, row=row, error=error))
                else:
                    label = capfirst(field.label or name)
                    found.append(INLINE_CELL_ERROR.format(inline=inline, row=row, field=label, error=error))
    return found


class InlineErrorsOnTopMixin:
    """For a ModelAdmin with inlines: their errors are also listed at the top of the change form."""

    def render_change_form(self, request, context, *args, **kwargs):
        # The one hook that sees the main form and the validated inlines together, before rendering.
        form = context["adminform"].form
        if form.is_bound:
            for inline in context["inline_admin_formsets"]:
                # An inline whose heading explains more names its rows shortly for these ("Choices")
                name = capfirst(getattr(inline.opts, "errors_name", "") or inline.opts.verbose_name_plural)
                for message in inline_errors(inline.formset, name):
                    form.add_error(None, message)
        return super().render_change_form(request, context, *args, **kwargs)
