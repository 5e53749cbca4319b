"""Verbs and activity types from the ADL vocabulary, with Vietnamese display names.

Display names are language maps; Vietnamese first, English for LRS dashboards.
"""

from dataclasses import dataclass

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"
LANGUAGE = "vi-VN"


@dataclass(frozen=True)
class Verb:
    key: str
    iri: str
    vi: str
    en: str

    def as_xapi(self) -> dict:
        return {"id": self.iri, "display": {LANGUAGE: self.vi, "en-US": self.en}}


REGISTERED = Verb("registered", ADL_VERBS + "registered", "đã ghi danh", "registered")
EXPERIENCED = Verb("experienced", ADL_VERBS + "experienced", "đã học", "experienced")
PROGRESSED = Verb("progressed", ADL_VERBS + "progressed", "đã xem", "progressed")
COMPLETED = Verb("completed", ADL_VERBS + "completed", "đã hoàn thành", "completed")
ANSWERED = Verb("answered", ADL_VERBS + "answered", "đã làm bài", "answered")
ATTENDED = Verb("attended", ADL_VERBS + "attended", "đã tham dự", "attended")
VOIDED = Verb("voided", ADL_VERBS + "voided", "đã huỷ", "voided")
# ADL: "the authority determined that the actor fulfilled the criteria of the object".
SATISFIED = Verb(
    "satisfied",
    "https://w3id.org/xapi/adl/verbs/satisfied",
    "được công nhận",
    "satisfied",
)


class ActivityType:
    COURSE = ADL_ACTIVITIES + "course"
    LESSON = ADL_ACTIVITIES + "lesson"
    MEDIA = ADL_ACTIVITIES + "media"
    ASSESSMENT = ADL_ACTIVITIES + "assessment"
    MEETING = ADL_ACTIVITIES + "meeting"
    OBJECTIVE = ADL_ACTIVITIES + "objective"
