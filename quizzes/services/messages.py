"""User-facing messages raised by the quiz services; views show them and tests import them."""

# Also what the database constraints say (quizzes/constraint_messages.py), so each rule has one wording.
from quizzes.constraint_messages import ASSIGNMENT_CLOSES_BEFORE_OPENING as ASSIGNMENT_CLOSES_BEFORE_OPENING
from quizzes.constraint_messages import CLASSROOM_NAME_REQUIRED as CLASSROOM_NAME_REQUIRED
from quizzes.constraint_messages import ONE_RIGHT_CHOICE as ONE_RIGHT_CHOICE

# Classrooms and joining
JOIN_CODE_UNKNOWN = "That class code was not recognised. Check it with your teacher and try again."
JOIN_CODE_REQUIRED = "Please enter the class code your teacher gave you."
JOIN_DISPLAY_NAME_REQUIRED = "Please enter the name your class will see."
JOIN_DISPLAY_NAME_TOO_LONG = "Your name can be at most 60 characters."
JOIN_TOO_MANY_GUESSES = "Too many wrong class codes. Please wait {minutes} minute(s) and try again."
BULK_NO_NAMES = "Paste at least one student name, one per line."
BULK_NAME_TOO_LONG = "Student names can be at most 60 characters: {name}"
BULK_USERNAME_TAKEN = "The username {username} is already taken."
BULK_FILE_NOT_TEXT = (
    "This looks like a {kind} file, not a text or CSV file. Save the class list from your spreadsheet as "
    "CSV (names in the first column), or paste the names."
)
BULK_FILE_TOO_LARGE = (
    "This file is {size}; a class list file can be at most {limit}. Save at most {names} names in it, or "
    "paste the names."
)
BULK_TOO_MANY = (
    "This list has {count:,} lines; Passage creates at most {limit} student accounts at a time. "
    "Add the first {limit} now and the rest in another batch."
)
LOGIN_TOO_MANY_ATTEMPTS = "Too many failed sign-ins for this account. Please wait {minutes} minute(s)."

# Assignments
ASSIGNMENT_NO_APPROVED_QUESTIONS = (
    "This article has no approved questions yet. Approve some before assigning it."
)
ASSIGNMENT_QUESTION_NOT_APPROVED = "Only approved questions of this article can be assigned."
ASSIGNMENT_QUESTION_LACKS_CHOICES = (
    "This article cannot be assigned yet: students could not answer {questions}. A multiple-choice or "
    "true/false question needs at least two choices, one of them ticked as the right answer. Open each to "
    "add its choices (or make it a short answer, or reject it), then assign the article again."
)
# A teacher's "Close now" (assignments_close_now): what was closed, and what was left alone and why.
CLOSED_NOW = "Closed for everyone now: {quizzes}."
CLOSED_NOW_ATTEMPTS_FINISHED = "{count} unfinished attempt(s) were finished and scored on the answers given."
CLOSED_NOW_EXTENSIONS_ENDED = "{count} extension(s) still running were ended with it."
CLOSE_NOW_ALREADY_CLOSED = "Already closed, so nothing changed: {quizzes}."
CLOSE_NOW_NOT_OPEN_YET = (
    "Not closed, because not open yet: {quizzes}. To keep a quiz from opening, change its opening time "
    "on its settings page, or delete it."
)

# Questions: a question with choices is graded by its ticked choice, so its answer must name that choice.
RIGHT_CHOICE_REQUIRED = "Tick the choice that is the right answer."
CHOICES_TOO_FEW = (
    "A multiple-choice or true/false question needs at least two choices for students to pick from, one of "
    "them ticked as the right answer. Add the missing choices, or make it a short answer."
)
CHOICES_THE_SAME = (
    "Two choices read “{choice}”: students cannot tell them apart, and one who picks the copy that is not "
    "ticked as right is marked wrong. Make each choice different."
)
QUESTIONS_LACK_CHOICES_TO_APPROVE = (
    "Nothing was approved: students could not answer {questions}. A multiple-choice or true/false question "
    "needs at least two choices, one of them ticked as the right answer. Open each to add its choices (or "
    "make it a short answer), then approve again."
)
# The article page's question rows show no choices, so these say where to add them.
QUESTION_ROW_NEEDS_CHOICES = (
    "A multiple-choice or true/false question needs at least two choices, and this list cannot show them: "
    "open the question's own page (“Change” on its row) and add its choices there, or make it a short "
    "answer."
)
NEW_QUESTION_ROW_NEEDS_CHOICES = (
    "A multiple-choice or true/false question needs at least two choices, and this list cannot show them: "
    "add it with “Add question” on the Questions page, where its choices can be entered, or save it here "
    "as a short answer."
)
ANSWER_NOT_RIGHT_CHOICE = (
    "The answer “{answer}” is not the choice ticked as right (“{choice}”), which is what students are "
    "graded against. To change the right answer, tick that choice (or edit its text): the answer follows it."
)
ANSWER_FOLLOWS_RIGHT_CHOICE = (
    "The answer to “{question}” now reads “{answer}”, the choice ticked as right: students are graded "
    "against that choice and told it when they miss it."
)
ACCEPTED_ANSWERS_DROPPED = (
    "The accepted answers {dropped} were other spellings of the old right answer, not of “{answer}”, so "
    "they were removed. Add any that also fit the new answer."
)
QUESTION_REGRADED = (
    "{regraded} student answer(s) to “{question}” were regraded and the scores recomputed; "
    "{changed} result(s) changed."
)

# Attempts
NOT_ENROLLED = "You are not in the class this quiz was set for."
NOT_OPEN_YET = "This quiz has not opened yet."
CLOSED = "This quiz has closed; no more answers can be sent."
NO_ATTEMPTS_LEFT = "You have used all your attempts at this quiz."
ALREADY_FINISHED = "You have already finished this attempt; answers can no longer be changed."
CHOICE_NOT_IN_QUESTION = "Please pick one of the answers shown."
ANSWER_REQUIRED = "Please choose or type an answer before sending."
ANSWER_TOO_LONG = "Answers can be at most 500 characters."

# Overrides
OVERRIDE_NOT_ENROLLED = "That student is not in this class."

ANSWER_MAX_LENGTH = 500
DISPLAY_NAME_MAX_LENGTH = 60
# Each password hash takes about 0.3 s by design: 100 accounts are about half a minute, well inside a request.
BULK_MAX_NAMES = 100
# A hundred names with a username fit in a few KB; this leaves room for exports with many more columns.
BULK_MAX_UPLOAD_BYTES = 1024 * 1024
