"""Accessible names for the admin's unlabelled inputs (axe's "label" and "select-name" rules).

Django's tabular inlines give their inputs no <label>: the column heading names them for a sighted
teacher, a screen reader hears only "edit text". Its split date/time widget labels the date and time boxes
with plain text, not labels. Each such input gets an aria-label that says what it is and which row.
"""

from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.forms import MultiWidget, SplitDateTimeWidget
from django.utils.text import capfirst

SPLIT_PARTS = ("date", "time")


def name_split_widget(field, label: str) -> None:
    """`Opens at: date` and `Opens at: time` for the two boxes of a date-and-time field."""
    widget = field.widget.widget if isinstance(field.widget, RelatedFieldWidgetWrapper) else field.widget
    if isinstance(widget, SplitDateTimeWidget):
        for part, subwidget in zip(SPLIT_PARTS, widget.widgets, strict=True):
            subwidget.attrs["aria-label"] = f"{label}: {part}"
    elif isinstance(widget, MultiWidget):
        for number, subwidget in enumerate(widget.widgets, start=1):
            subwidget.attrs["aria-label"] = f"{label}, part {number}"


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
                    label = capfirst(field.label or name)
                    # Each form has its own deep copy of its fields' widgets: naming one row names only it.
                    widget = field.widget
                    if isinstance(widget, RelatedFieldWidgetWrapper):
                        widget = widget.widget
                    if isinstance(widget, MultiWidget):
                        name_split_widget(field, f"{label}, {row}")
                    else:
                        widget.attrs["aria-label"] = f"{label}, {row}"

        LabelledFormSet.__name__ = formset.__name__
        return LabelledFormSet
