import pytest

from tests.factories import AssignmentQuestionFactory, EnrollmentFactory


@pytest.mark.django_db
def test_factories_build_a_consistent_assignment():
    item = AssignmentQuestionFactory()
    enrollment = EnrollmentFactory(classroom=item.assignment.classroom)
    assert item.question.article == item.assignment.article
    assert item.assignment.article.owner == item.assignment.classroom.teacher
    assert enrollment.classroom == item.assignment.classroom
