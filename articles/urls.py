"""Teacher article pages, mounted at /articles/."""

from django.urls import path

from articles import views
from config import converters  # noqa: F401  (registers <id:…>)

urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("new/", views.article_new, name="article_new"),
    path("<id:article_id>/", views.article_detail, name="article_detail"),
    path("<id:article_id>/generate/", views.article_generate, name="article_generate"),
    path("<id:article_id>/ask/", views.article_ask, name="article_ask"),
    path("<id:article_id>/restore/<id:index>/", views.article_restore, name="article_restore"),
]
