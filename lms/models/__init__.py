from .access_log import AccessKind, PersonalDataAccess
from .assessment import QuestionKind, Quiz, QuizAttempt, QuizQuestion
from .certificates import Certificate
from .classes import Attendance, ClassSession
from .enrolment import Enrolment
from .learners import TargetGroup, User
from .progress import (
    CompletionReason,
    DailyLearning,
    EventType,
    LessonProgress,
    ProgressEvent,
)

__all__ = [
    "AccessKind",
    "PersonalDataAccess",
    "QuestionKind",
    "Quiz",
    "QuizAttempt",
    "QuizQuestion",
    "Attendance",
    "Certificate",
    "ClassSession",
    "CompletionReason",
    "DailyLearning",
    "Enrolment",
    "EventType",
    "LessonProgress",
    "ProgressEvent",
    "TargetGroup",
    "User",
]
