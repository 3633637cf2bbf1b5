"""Teacher article pages, mounted at /articles/."""

from django.urls import path

from articles import views

urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("new/", views.article_new, name="article_new"),
    path("<int:article_id>/", views.article_detail, name="article_detail"),
    path("<int:article_id>/generate/", views.article_generate, name="article_generate"),
    path("<int:article_id>/ask/", views.article_ask, name="article_ask"),
    path("<int:article_id>/restore/<int:index>/", views.article_restore, name="article_restore"),
]
