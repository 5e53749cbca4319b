"""The flow's forms: one page for the lesson, small ones for trims and swaps.

The recording comes either in the form itself (no JavaScript) or as the id of a
finished resumable upload (``upload``), which the page's script fills in.
"""

import contextlib
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.content_languages import choices_for_staff
from cms.models import ResumableUpload
from cms.resumable import service as resumable
from cms.video.captions import MAX_CAPTION_BYTES
from cms.video.forms import local_path

from .selectors import courses_for_new_lesson
from .services import QuestionDraft

QUESTION_COUNT = 3
ANSWER_COUNT = 3
MEDIA_ACCEPT = "video/*,audio/*"


class RecordingFields(forms.Form):
    """A recording from the form (``file``) or from a finished upload (``upload``)."""

    file = forms.FileField(
        label=_("Video or audio"),
        required=False,
        help_text=_("Record now with the phone, or choose a recording you have."),
        widget=forms.ClearableFileInput(
            attrs={"accept": MEDIA_ACCEPT, "capture": "", "data-resumable": ""}
        ),
    )
    upload = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        upload_id = cleaned.get("upload")
        if upload_id:
            upload = ResumableUpload.objects.filter(
                pk=upload_id, owner=self.user
            ).first()
            if upload is None or not upload.is_complete:
                self.add_error(
                    "file", _("The recording did not arrive whole: send it again.")
                )
            cleaned["resumable"] = upload
        elif not cleaned.get("file"):
            self.add_error("file", _("Choose or record a video or audio."))
        return cleaned

    @contextlib.contextmanager
    def recording(self):
        """(local path, file name) of the recording, whichever way it came."""
        upload = self.cleaned_data.get("resumable")
        if upload is not None:
            with resumable.assembled(upload) as path:
                yield path, upload.filename or path.name
            return
        received = self.cleaned_data["file"]
        with local_path(received) as path:
            yield Path(path), received.name


class LessonForm(RecordingFields):
    course = forms.ModelChoiceField(
        label=_("Course"),
        queryset=None,
        required=False,
        empty_label=_("– a new course –"),
    )
    new_course = forms.CharField(
        label=_("or the name of a new course"), max_length=255, required=False
    )
    title = forms.CharField(label=_("Lesson title"), max_length=255)
    text = forms.CharField(
        label=_("A few lines about the lesson"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    photo = forms.ImageField(
        label=_("A photo (for an audio lesson)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    publish = forms.BooleanField(label=_("Publish at once"), required=False)

    field_order = ["course", "new_course", "file", "title", "text", "photo"]

    def __init__(self, *args, user, centre, may_publish: bool, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.centre = centre
        courses = courses_for_new_lesson(user)
        self.fields["course"].queryset = courses
        if len(courses) == 1:  # the usual centre: one course fewer taps away
            self.fields["course"].initial = courses[0].pk
        if not may_publish:
            del self.fields["publish"]

    def clean(self):
        cleaned = super().clean()
        course, new_course = cleaned.get("course"), cleaned.get("new_course", "")
        if course is None and not new_course:
            self.add_error("course", _("Choose a course or name a new one."))
        elif course is not None and not self.user.has_perm(
            "lms.add_lesson_to_course", course
        ):
            self.add_error(
                "course", _("You may add lessons only to your centre's courses.")
            )
        elif course is None and not self.user.has_perm(
            "lms.add_course_in_centre", self.centre
        ):
            self.add_error("new_course", _("You may not add a course here."))
        return cleaned


class QuestionForm(forms.Form):
    """One optional quiz question with up to three answers, one of them right."""

    text = forms.CharField(label=_("Question"), max_length=500, required=False)
    answer_1 = forms.CharField(label=_("Answer 1"), max_length=300, required=False)
    answer_2 = forms.CharField(label=_("Answer 2"), max_length=300, required=False)
    answer_3 = forms.CharField(label=_("Answer 3"), max_length=300, required=False)
    right = forms.TypedChoiceField(
        label=_("The right answer"),
        choices=[(n, str(n)) for n in range(1, ANSWER_COUNT + 1)],
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean(self):
        cleaned = super().clean()
        answers = [cleaned.get(f"answer_{n}", "") for n in range(1, ANSWER_COUNT + 1)]
        if not cleaned.get("text"):
            if any(answers):
                self.add_error("text", _("Write the question."))
            return cleaned
        if sum(1 for answer in answers if answer) < 2:
            self.add_error("answer_1", _("Give at least two answers."))
        right = cleaned.get("right")
        if not right or not answers[right - 1]:
            self.add_error("right", _("Mark the right answer."))
        return cleaned

    def draft(self) -> QuestionDraft | None:
        data = self.cleaned_data
        if not data.get("text"):
            return None
        numbered = [(n, data[f"answer_{n}"]) for n in range(1, ANSWER_COUNT + 1)]
        kept = [(n, answer) for n, answer in numbered if answer]
        return QuestionDraft(
            text=data["text"],
            answers=tuple(answer for _n, answer in kept),
            right=[n for n, _answer in kept].index(data["right"]),
        )


def question_forms(data=None) -> list[QuestionForm]:
    return [QuestionForm(data, prefix=f"q{n}") for n in range(1, QUESTION_COUNT + 1)]


class TrimForm(forms.Form):
    cut_start = forms.DecimalField(
        label=_("Seconds to cut at the start"),
        min_value=0,
        decimal_places=1,
        initial=0,
    )
    cut_end = forms.DecimalField(
        label=_("Seconds to cut at the end"), min_value=0, decimal_places=1, initial=0
    )

    def __init__(self, *args, duration: float, **kwargs):
        super().__init__(*args, **kwargs)
        self.duration = duration

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("cut_start"), cleaned.get("cut_end")
        if start is None or end is None:
            return cleaned
        if start == 0 and end == 0:
            raise ValidationError(_("Say how many seconds to cut."))
        if float(start + end) > self.duration - 1:
            raise ValidationError(_("At least one second must be left."))
        cleaned["start"] = float(start)
        cleaned["end"] = self.duration - float(end)
        return cleaned


class AudioTrackForm(RecordingFields):
    """A dubbed sound track: the language and a recording made on a phone."""

    language = forms.ChoiceField(label=_("Language of the recording"), choices=())

    field_order = ["language", "file"]

    def __init__(self, *args, media, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, name)
            for code, name in choices_for_staff()
            if code != media.audio_language
        ]
        self.fields["file"].label = _("Recording of the dubbed sound")
        self.fields["file"].help_text = _(
            "Record the lesson read aloud in the language, as long as the video: "
            "it is cut or filled with silence to fit."
        )


class SubtitleForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the subtitles"), choices=())
    file = forms.FileField(
        label=_("Subtitle file (SRT or WebVTT)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".srt,.vtt,text/vtt"}),
    )
    on_by_default = forms.BooleanField(
        label=_("Show these subtitles by default"),
        required=False,
        help_text=_("For people who read Vietnamese better than they listen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = choices_for_staff()

    def clean_file(self):
        # By the size Django counted while receiving it: a large file is refused
        # before anything reads it into memory (it may sit in a temporary file).
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CAPTION_BYTES:
            raise ValidationError(
                _("The caption file is too large (at most 2 MB)."), code="too_large"
            )
        return upload
