"""Quizzes authored in Wagtail, attached to a lesson or closing a course, and attempts.

A quiz's questions are single choice, multiple choice or true/false; choices are
numbered from 0 in the order the author wrote them, which is how answers refer to them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One right answer")
    MULTIPLE = "multiple", _("Several right answers")
    TRUE_FALSE = "true_false", _("True or false")


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("right answer"), required=False)

    class Meta:
        icon = "tick"
        label = _("answer")


class Quiz(ClusterableModel):
    """A quiz for one lesson, or the final quiz of one course."""

    title = models.CharField(_("title"), max_length=200)
    lesson = models.ForeignKey(
        "cms.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Passing this quiz completes the lesson."),
    )
    course = models.ForeignKey(
        "cms.CoursePage",
        verbose_name=_("course (final quiz)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The course is completed only once this quiz is passed."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        help_text=_("Share of questions answered right needed to pass."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        default=3,
        help_text=_(
            "The right answers are shown after a passing attempt or the last one "
            "allowed. 0 means no limit."
        ),
    )
    retry_wait_minutes = models.PositiveSmallIntegerField(
        _("wait between attempts (minutes)"), default=10
    )

    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("lesson"), FieldPanel("course")], heading=_("Attached to")
        ),
        FieldPanel("pass_mark"),
        MultiFieldPanel(
            [FieldPanel("max_attempts"), FieldPanel("retry_wait_minutes")],
            heading=_("Attempts"),
        ),
        InlinePanel("questions", label=_("questions"), min_num=1),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=Q(lesson__isnull=True) | Q(course__isnull=True),
                name="quiz_for_lesson_or_course",
            ),
            models.CheckConstraint(
                condition=Q(pass_mark__lte=100), name="quiz_pass_mark_at_most_100"
            ),
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(course__isnull=False),
                name="one_final_quiz_per_course",
            ),
            models.UniqueConstraint(
                fields=["lesson"],
                condition=Q(lesson__isnull=False),
                name="one_quiz_per_lesson",
            ),
        ]

    def __str__(self):
        return self.title


class QuizQuestion(Orderable):
    """One question of a quiz, with its answers and an explanation."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=QuestionKind.choices,
        default=QuestionKind.SINGLE,
    )
    text = models.TextField(_("question"))
    choices = StreamField(
        [("choice", ChoiceBlock())],
        blank=True,
        verbose_name=_("answers"),
        help_text=_("Not needed for true/false questions."),
    )
    true_false_answer = models.BooleanField(
        _("the statement is true"),
        default=True,
        help_text=_("Only for true/false questions."),
    )
    explanation = models.TextField(
        _("explanation"),
        blank=True,
        help_text=_("Shown to the learner after submitting."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("choices"),
        FieldPanel("true_false_answer"),
        FieldPanel("explanation"),
    ]

    def __str__(self):
        return self.text[:60]


class QuizAttempt(models.Model):
    """One submission of a quiz by a learner, graded when received."""

    quiz = models.ForeignKey(
        Quiz,
        verbose_name=_("quiz"),
        on_delete=models.PROTECT,
        related_name="attempts",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="quiz_attempts",
    )
    answers = models.JSONField(_("answers"), default=dict)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["learner", "quiz"])]

    def __str__(self):
        return f"{self.learner} – {self.quiz_id}: {self.score}%"
