"""Achievements (OB 3.0): what a course completion or a recognition title certifies.

Each has criteria text and the legal source it rests on (DOMAIN.md): centres
certify under the rules for community learning centres; titles under the decision
or circular of their learning model, or the criteria set's own legal source.
"""

import uuid

from django.utils.translation import gettext as _

from lms.credentials.dids import base_url
from lms.recognition.constants import LearningModel

COURSE_LEGAL_SOURCE = (
    "Quyết định 09/2008/QĐ-BGDĐT (sửa đổi, bổ sung bởi Thông tư 40/2010/TT-BGDĐT) "
    "về quy chế tổ chức và hoạt động của trung tâm học tập cộng đồng"
)

TITLE_LEGAL_SOURCES = {
    LearningModel.CITIZEN: "Quyết định 677/QĐ-TTg ngày 03/6/2022; "
    "Quyết định 324/QĐ-KHVN của Hội Khuyến học Việt Nam",
    LearningModel.FAMILY: "Quyết định 448/QĐ-KHVN của Hội Khuyến học Việt Nam",
    LearningModel.CLAN: "Tiêu chí dòng họ học tập của Hội Khuyến học Việt Nam (7/2022)",
    LearningModel.COMMUNITY: "Tiêu chí cộng đồng học tập cấp thôn "
    "của Hội Khuyến học Việt Nam",
    LearningModel.COMMUNE: "Thông tư 25/2023/TT-BGDĐT",
    LearningModel.UNIT: "Thông tư 24/2023/TT-BGDĐT; tiêu chí đơn vị học tập "
    "của Hội Khuyến học Việt Nam",
}

HOURS_RESULT = "hours"
DECISION_RESULT = "decision"


def _urn(name: str) -> str:
    """A stable id: the same course or title always names the same achievement."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{base_url()}/openbadges/{name}").urn


def course_achievement(*, course, course_url: str) -> dict:
    achievement_id = _urn(f"achievements/course/{course.pk}")
    narrative = _(
        "Complete every lesson of the course on the platform, each by its rule "
        "(quiz passed, media played or reading time measured); the certificate "
        "states the learning hours actually measured."
    )
    return {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": course.title,
        "description": _("Completion of the course “%(title)s”.")
        % {"title": course.title},
        "criteria": {
            "id": course_url,
            "narrative": narrative
            + "\n"
            + _("Legal basis: %(source)s") % {"source": COURSE_LEGAL_SOURCE},
        },
        "resultDescription": [
            {
                "id": f"{achievement_id}#{HOURS_RESULT}",
                "type": ["ResultDescription"],
                "name": _("Measured learning hours"),
                "resultType": "ext:LearningHours",
            }
        ],
        "inLanguage": "vi",
    }


def title_achievement(*, dossier) -> dict:
    criteria_set = dossier.criteria_set
    source = criteria_set.legal_source or TITLE_LEGAL_SOURCES[dossier.model]
    achievement_id = _urn(f"achievements/title/{dossier.model}/{dossier.year}")
    title = f"{dossier.get_model_display()} {dossier.year}"
    return {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "Award",
        "name": title,
        "description": _(
            "Recognition as “%(title)s” by the competent authority's decision."
        )
        % {"title": title},
        "criteria": {
            "narrative": _("Meets the criteria “%(criteria)s” (version %(version)s).")
            % {"criteria": criteria_set.name, "version": criteria_set.version}
            + "\n"
            + _("Legal basis: %(source)s") % {"source": source},
        },
        "resultDescription": [
            {
                "id": f"{achievement_id}#{DECISION_RESULT}",
                "type": ["ResultDescription"],
                "name": _("Decision number"),
                "resultType": "ext:DecisionNumber",
            }
        ],
        "inLanguage": "vi",
    }
