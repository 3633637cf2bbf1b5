""" "Close now" on the teacher's dashboard: end one quiz for everyone at once, after a confirmation page.

The dashboard's button is a plain form post with no confirmation of its own: it leads here, to a page that
says what closing will do (who is still answering, which extensions end), and only the post from that page
closes. No JavaScript is needed, and a window.confirm() could not say those things. As the report, the
quiz is the class's teacher's (or a superuser's): to anyone else it does not exist (404).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from quizzes import selectors, services
from quizzes.views import HtmxHttpRequest
from quizzes.views.teacher import teacher_assignment_or_404

CONFIRMED = "yes"


@login_required
@require_http_methods(["GET", "POST"])
def assignment_close_view(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = teacher_assignment_or_404(request, assignment_id)
    if request.method == "POST" and request.POST.get("confirmed") == CONFIRMED:
        result = services.assignments_close_now(assignments=[assignment])
        for level, text in result.notices():
            messages.add_message(request, level, text)
        return redirect("home")
    if request.method == "POST":  # the dashboard's button: ask first, on a page that a reload cannot re-post
        return redirect("teacher_close", assignment.pk)
    context = {
        "assignment": assignment,
        "preview": selectors.close_now_preview(assignment=assignment),
        "confirmed": CONFIRMED,
    }
    return render(request, "quizzes/teacher/close_confirm.html", context)
