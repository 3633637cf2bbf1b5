"""An article as the teacher submitted it and as Passage cleaned it.

Questions point into `text` by character offsets, so `text` never changes behind their back:
`articles.services.article_update_text` re-anchors or demotes them in the same transaction.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Article(TimeStampedModel):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(max_length=300)
    source_name = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    raw_text = models.TextField(help_text="Exactly what was pasted or uploaded, kept so nothing is lost.")
    text = models.TextField(help_text="The cleaned article that students read and questions point into.")
    # Paragraphs the cleaner dropped, each {"text": ..., "reason": ...}, so a teacher can restore them.
    removed = models.JSONField(default=list, blank=True)
    word_count = models.PositiveIntegerField(default=0)
    reading_grade = models.FloatField(null=True, blank=True, help_text="Flesch-Kincaid grade level.")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title
