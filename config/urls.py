import os

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("articles/", include("articles.urls")),
    path("teach/", include("quizzes.urls_teacher")),
    path("", include("quizzes.urls")),
]

# Bare reference views for bench/load.py only; never mounted unless the benchmark asks for them.
if os.environ.get("PASSAGE_BENCH_VIEWS") == "1":
    urlpatterns += [path("bench/", include("quizzes.views.bench"))]
