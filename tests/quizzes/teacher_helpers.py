"""Helpers for the teacher-side tests: real teachers (staff + the Teachers group from the migration)."""

from html.parser import HTMLParser

from django.contrib.auth.models import Group

from quizzes.roles import TEACHERS_GROUP
from tests.factories import TeacherFactory


def make_teacher(**kwargs):
    teacher = TeacherFactory(**kwargs)
    teacher.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    return teacher


class _FormFields(HTMLParser):
    """Collects the values a browser would submit from the first form with method=post on a page."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._in_form = False
        self._done = False
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_has_choice = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._done:
            return
        if tag == "form" and attrs.get("method", "").lower() == "post" and attrs.get("id") != "logout-form":
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file", "image"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            default = "on" if attrs.get("type") in {"checkbox", "radio"} else ""
            self.data.setdefault(name, []).append(attrs.get("value") or default)
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select, self._select_has_choice = name, False
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.setdefault(self._select, []).append(attrs.get("value", ""))
            self._select_has_choice = True

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            if self._textarea:
                value = self.data[self._textarea][-1]
                self.data[self._textarea][-1] = value[1:] if value.startswith("\n") else value
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True


def admin_form_data(html: str, **changes) -> dict:
    """The POST data of an admin change form as rendered, with `changes` applied (None removes a key)."""
    parser = _FormFields()
    parser.feed(html)
    data = {name: values if len(values) > 1 else values[0] for name, values in parser.data.items()}
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def top_errors(response) -> str:
    """An admin change page's top error area: from "Please correct the error below." to the first fieldset."""
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="errornote"' in page, "the form was not refused"
    return page.split('class="errornote"', 1)[1].split("<fieldset", 1)[0]
