"""What a teacher (or a student) reads when an edit would break one of the database constraints in
models.py: Django's default, 'Constraint "assignment_closes_after_opening" is violated.', says nothing a
person can act on. A module of its own because models.py cannot import quizzes.services (which imports the
models); quizzes/services/messages.py re-exports the ones the services raise themselves, so each rule has one
wording wherever it is checked."""

# Questions and choices
QUESTION_PROMPT_REQUIRED = "Please write the question."
QUESTION_ANSWER_REQUIRED = "Please give the right answer."
QUESTION_EVIDENCE_SPAN = (
    "The evidence is a stretch of the article: give both its start and its end (character positions, the "
    "end after the start), or leave both empty."
)
QUESTION_EVIDENCE_BEYOND_TEXT = "The evidence must lie within the article, which is {length} characters long."
ONE_RIGHT_CHOICE = "Mark only one choice as the right answer."
CHOICE_TEXT_REQUIRED = "Each choice needs some text."

# Classes and students
CLASSROOM_NAME_REQUIRED = "Please give the class a name."
CLASSROOM_BOARD_SIZE_POSITIVE = "The projector must show at least one row."
ENROLLMENT_ALREADY_IN_CLASS = "That student is already in this class."
ENROLLMENT_DISPLAY_NAME_REQUIRED = "Each student needs the name the class will see."

# Assignments
ASSIGNMENT_CLOSES_BEFORE_OPENING = "The closing time must be after the opening time."
ASSIGNMENT_ATTEMPTS_POSITIVE = "Allow at least one attempt."
ASSIGNMENT_QUESTION_ONCE = "A question can be in an assignment only once."
ASSIGNMENT_POSITION_ONCE = "Two questions of an assignment cannot share a position."
OVERRIDE_ONE_PER_STUDENT = (
    "This student already has an extension or extra attempts on this assignment; change that one instead."
)

# Attempts and answers
ATTEMPT_NUMBER_ONCE = "This student already has an attempt with that number."
ATTEMPT_ONE_OPEN = "This student already has an unfinished attempt at this quiz."
ATTEMPT_SCORE_WITHIN_MAX = "A score cannot be higher than the attempt's maximum score."
ATTEMPT_NUMBER_POSITIVE = "Attempts are numbered from 1."
RESPONSE_ONCE = "This question has already been answered in this attempt."
CONTENT_VERSION_SINGLE_ROW = "There is only one content version row."
