from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("articles/", include("articles.urls")),
    path("teach/", include("quizzes.urls_teacher")),
    path("", include("quizzes.urls")),
]
