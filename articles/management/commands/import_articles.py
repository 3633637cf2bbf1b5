"""Import many article files for one teacher, optionally generating draft questions for each."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from articles.decoding import DecodeError
from articles.importing import read_article_file
from articles.services import article_create

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Import text or HTML article files for a teacher; a bad file is reported and the rest go on."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help=".txt or .html files")
        parser.add_argument("--owner", required=True, help="username of the teacher who owns the articles")
        parser.add_argument("--generate", action="store_true", help="also generate draft questions")

    def handle(self, *args, files: list[str], owner: str, generate: bool, **options):
        try:
            teacher = get_user_model().objects.get(username=owner)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user called {owner!r}.") from error
        failed = 0
        for number, name in enumerate(files, start=1):
            self._progress(number - 1, len(files), name)
            try:
                report = self._import_one(Path(name), teacher, generate)
            except (OSError, DecodeError, ValidationError) as error:
                failed += 1
                self._line(f"{name}: not imported: {_message(error)}", self.style.ERROR)
            else:
                self._line(f"{name}: {report}", self.style.SUCCESS)
        self._progress(len(files), len(files), "done")
        self.stderr.write("")
        self.stdout.write(f"Imported {len(files) - failed} of {len(files)} file(s).")
        if failed:
            raise CommandError(f"{failed} file(s) could not be imported (see above).")

    def _import_one(self, path: Path, teacher, generate: bool) -> str:
        from quizzes.services.generation import questions_generate

        raw, cleaned = read_article_file(path)
        title = cleaned.title_guess or path.stem.replace("-", " ").replace("_", " ").capitalize()
        article = article_create(owner=teacher, title=title, raw_text=raw)
        report = f"imported \u201c{article.title}\u201d ({article.word_count} words)"
        if generate:
            try:
                report += "; " + questions_generate(article=article).message
            except ValidationError as error:  # the article stays; only its questions are missing
                report += "; " + _message(error)
        return report

    def _progress(self, done: int, total: int, name: str) -> None:
        filled = BAR_WIDTH * done // total
        self.stderr.write(
            f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} {name[:40]:<40}", ending=""
        )
        self.stderr.flush()

    def _line(self, text: str, style) -> None:
        self.stderr.write("\r" + " " * (BAR_WIDTH + 50) + "\r", ending="")
        self.stdout.write(style(text))


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, OSError):
        return f"cannot read the file ({error.strerror or error})."
    return str(error)
