"""The learner API's input, checked by DRF serializers with Vietnamese reasons.

A batch is refused as a whole (4xx) only when it cannot be read as a batch; a bad
value inside one event rejects that event alone, so that the device drops it from
its queue instead of resending the whole batch for ever.
"""

import uuid
from datetime import UTC

from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from lms.models import EventType

# Database ids are 64-bit; anything larger or not positive names no row.
MAX_ID = 2**63 - 1
# Enough for a day offline; larger queues are sent in several batches.
MAX_EVENTS_PER_BATCH = 500


def _messages(message, *keys: str) -> dict:
    return dict.fromkeys(keys, message)


def _lazy_percent(message: str, params: dict):
    """``gettext(message) % params``, translated when shown, not at import."""
    return lazy(lambda: gettext(message) % params, str)()


class IdField(serializers.IntegerField):
    """A row's id: a whole number from 1 to 2⁶³−1, never ``true`` or ``"5.5"``."""

    def __init__(self, name: str, **kwargs):
        message = _lazy_percent("“%(key)s” must be a whole number.", {"key": name})
        super().__init__(
            min_value=1,
            max_value=MAX_ID,
            error_messages=_messages(
                message,
                "invalid",
                "max_value",
                "min_value",
                "max_string_length",
                "required",
                "null",
            ),
            **kwargs,
        )

    def to_internal_value(self, data):
        if isinstance(data, bool) or (isinstance(data, float) and data % 1):
            self.fail("invalid")
        return super().to_internal_value(data)


class NumberField(serializers.FloatField):
    """A finite JSON number; strings and booleans are not numbers."""

    def __init__(self, name: str, **kwargs):
        message = _lazy_percent("“%(key)s” must be a number.", {"key": name})
        super().__init__(
            error_messages=_messages(
                message, "invalid", "overflow", "max_string_length", "null"
            ),
            **kwargs,
        )

    def to_internal_value(self, data):
        if isinstance(data, bool | str):
            self.fail("invalid")
        return super().to_internal_value(data)


class EventIdField(serializers.UUIDField):
    """The UUID a device chose for its event, written as text."""

    def __init__(self, **kwargs):
        message = _("The event has no valid id.")
        super().__init__(
            error_messages=_messages(message, "invalid", "required", "null"), **kwargs
        )

    def to_internal_value(self, data):
        if not isinstance(data, str | uuid.UUID):
            self.fail("invalid")
        return super().to_internal_value(data)


class EventTimeField(serializers.DateTimeField):
    """A date and time the database can store: one near year 1 or 9999 overflows
    when DRF or the database moves it to UTC, which must refuse the event, not
    fail the request."""

    def to_internal_value(self, value):
        try:
            at = super().to_internal_value(value)
            at.astimezone(UTC)
        except OverflowError:
            self.fail("overflow")
        return at


class EventSerializer(serializers.Serializer):
    """The shape of one event; `lms.services.events` checks it against the rules."""

    id = EventIdField()
    type = serializers.ChoiceField(
        choices=EventType.choices,
        error_messages=_messages(
            _("Unknown event type."), "invalid_choice", "required", "null"
        ),
    )
    at = EventTimeField(
        error_messages=_messages(
            _("The event time is missing or not a valid date."),
            "invalid",
            "required",
            "null",
            "date",
            "make_aware",
            "overflow",
        )
    )
    lesson = IdField("lesson", required=False, allow_null=True)
    seconds = NumberField("seconds", required=False)
    media = IdField("media", required=False)
    quiz = IdField("quiz", required=False)
    answers = serializers.DictField(
        required=False,
        error_messages=_messages(_("The answers are missing."), "not_a_dict", "null"),
    )

    def get_fields(self):
        fields = super().get_fields()
        # "from" is a Python keyword: declared here rather than as attributes.
        fields["from"] = NumberField("from", required=False)
        fields["to"] = NumberField("to", required=False)
        return fields


class EventBatchSerializer(serializers.Serializer):
    events = serializers.ListField(
        max_length=MAX_EVENTS_PER_BATCH,
        error_messages={
            **_messages(
                _("Send the events as a list under “events”."),
                "not_a_list",
                "required",
                "null",
            ),
            "max_length": _lazy_percent(
                "Send at most %(max)d events at a time.", {"max": MAX_EVENTS_PER_BATCH}
            ),
        },
    )


class EnrolmentSerializer(serializers.Serializer):
    course = IdField("course")


def first_error(errors) -> str:
    """The first message of a serializer's errors, for a one-line reason."""
    if isinstance(errors, dict):
        errors = next(iter(errors.values()), [])
    if isinstance(errors, list | tuple) and errors:
        return first_error(errors[0])
    return str(errors)
