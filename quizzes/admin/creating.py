"""Admin "add" pages that create through a service instead of `Model.save()`.

The service runs during form validation, after Django's own checks, so a `ValidationError` it raises shows
on the form like any other error and nothing half-made is saved. The add page has no inlines; they appear
on the change page once the object exists.
"""

from django.core.exceptions import ValidationError


class CreateThroughServiceMixin:
    def create_through_service(self, request, data: dict):
        """Create and return the object from the add form's cleaned data."""
        raise NotImplementedError

    def get_inlines(self, request, obj):
        return super().get_inlines(request, obj) if obj is not None else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        if obj is not None:
            return form_class
        model_admin = self

        class CreateThroughServiceForm(form_class):
            created = None

            def _post_clean(self):
                super()._post_clean()
                if self.errors:
                    return
                try:
                    self.created = model_admin.create_through_service(request, self.cleaned_data)
                except ValidationError as error:
                    self.add_error(None, error.messages)

        return CreateThroughServiceForm

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        return form.created

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)
