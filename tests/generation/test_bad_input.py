"""Text that cannot be questioned is refused with a message a teacher can act on, before any parsing."""

import pytest

from quizzes.generation import GenerationError, generate_questions

PREFIX = "No questions could be generated from this text because"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\n  ", "empty"),
        ("Iraqi forces entered the city of Mosul on Monday.", "too short"),
        (
            "Die irakischen Truppen sind am Montag in die Stadt Mosul eingedrungen, wie das Militär "
            "mitteilte. Der Kampf um die Stadt dauert seit zwei Wochen an und hat viele Opfer gefordert.",
            "English",
        ),
        ("12 45 78 90 1.5 2,000 33 17 99 100 45.6 12 7 8 9 10 11 12 13 14", "numbers"),
        ("<html><head><title></title></head><body><div class='x'><p></p><br/></div></body></html>", "markup"),
        ("\x00\x01\x02\x89PNG\x1a\x00\x00\x0dIHDR" * 40, "binary"),
        ("word " * 30_001, "too long"),
        ("a" * 1_000_001, "too long"),
    ],
)
def test_bad_input_is_refused_with_a_reason(text, reason):
    with pytest.raises(GenerationError) as caught:
        generate_questions(text)
    message = str(caught.value)
    assert message.startswith(PREFIX)
    assert reason in message


def test_refusal_is_a_value_error_the_web_layer_can_catch():
    assert issubclass(GenerationError, ValueError)


def test_over_the_cap_is_refused_before_parsing(monkeypatch):
    import quizzes.generation.pipeline as pipeline

    monkeypatch.setattr(pipeline, "parse", lambda text: pytest.fail("parsed a text over the cap"))
    with pytest.raises(GenerationError):
        generate_questions("Mosul is a city. " * 250_000)
