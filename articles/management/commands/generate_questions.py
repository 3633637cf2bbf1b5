"""Print the questions Passage would draft for an article file, without touching the database."""

import json

from django.core.management.base import BaseCommand, CommandError

from articles.decoding import DecodeError
from articles.importing import read_article_file


class Command(BaseCommand):
    help = "Clean a text or HTML article file as an import would and print its generated questions."
    requires_system_checks: list = []  # reads no model, so it runs even without a migrated database

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .txt or .html file")
        parser.add_argument("--limit", type=int, default=None, help="at most this many questions")
        parser.add_argument("--json", action="store_true", help="print a JSON list of the drafts")

    def handle(self, *args, file: str, limit: int | None, json: bool, **options):
        from quizzes.generation import GenerationError, generate_questions

        try:
            _, cleaned = read_article_file(file)
            drafts = generate_questions(cleaned.text, limit=limit)
        except (OSError, DecodeError, GenerationError) as error:
            raise CommandError(f"{file}: {error}") from error
        rows = [
            {**draft.to_dict(), "evidence": cleaned.text[draft.evidence_start : draft.evidence_end]}
            for draft in drafts
        ]
        if json:
            self.stdout.write(_json_dumps(rows))
        else:
            self._print(cleaned.title_guess or file, rows)

    def _print(self, title: str, rows: list[dict]) -> None:
        self.stdout.write(f"{title}: {len(rows)} question(s)\n")
        for number, row in enumerate(rows, start=1):
            self.stdout.write(
                f"{number}. {row['prompt']}  [{row['kind']}, {row['form']}, score {row['score']:.2f}]"
            )
            if row["choices"]:
                self.stdout.write("   Choices: " + " | ".join(row["choices"]))
            self.stdout.write(f"   Answer: {row['answer']}")
            self.stdout.write(f"   Evidence: {row['evidence']}\n")


def _json_dumps(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)
