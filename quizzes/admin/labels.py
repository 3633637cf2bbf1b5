"""Accessible names for the admin's unlabelled inputs (axe's "label" and "select-name" rules).

Django's tabular inlines give their inputs no <label>: the column heading names them for a sighted
teacher, a screen reader hears only "edit text". Its split date/time widget labels the date and time boxes
with plain text, not labels. Each such input gets an aria-label that says what it is and which row.
"""

from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.forms import MultiWidget, SplitDateTimeWidget, Widget
from django.utils.text import capfirst

SPLIT_PARTS = ("date", "time")


def _inner(field) -> Widget:
    """The input widget itself: the admin wraps a related field's in one that adds the "+" links."""
    widget = field.widget
    return widget.widget if isinstance(widget, RelatedFieldWidgetWrapper) else widget


def name_split_widget(field, label: str) -> bool:
    """`Opens at: date` and `Opens at: time` for the two boxes of a date-and-time field; False (nothing
    named) when the field has a single input."""
    widget = _inner(field)
    if isinstance(widget, SplitDateTimeWidget):
        for part, subwidget in zip(SPLIT_PARTS, widget.widgets, strict=True):
            subwidget.attrs["aria-label"] = f"{label}: {part}"
    elif isinstance(widget, MultiWidget):
        for number, part_widget in enumerate(widget.widgets, start=1):
            part_widget.attrs["aria-label"] = f"{label}, part {number}"
    else:
        return False
    return True


class LabelledFieldsAdminMixin:
    """For a ModelAdmin: its main form has labels; only the split date/time boxes need names."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            name_split_widget(field, capfirst(field.label or db_field.verbose_name))
        return field


class LabelledInlineMixin:
    """For a tabular inline: every visible input is named by its column and row ("Text, row 2")."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                row = "new row" if index is None else f"row {index + 1}"
                for name, field in form.fields.items():
                    if field.widget.is_hidden:
                        continue
                    label = f"{capfirst(field.label or name)}, {row}"
                    # Each form has its own deep copy of its fields' widgets: naming one row names only it.
                    if not name_split_widget(field, label):
                        _inner(field).attrs["aria-label"] = label

        LabelledFormSet.__name__ = formset.__name__
        return LabelledFormSet
