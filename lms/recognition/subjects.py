"""What is recognised under each model, and the criteria set that applies to it."""

from dataclasses import dataclass

from cms.models import Commune, Village
from lms.models import TargetGroup
from lms.recognition.constants import LearningModel, Scope
from lms.recognition.models import Clan, Household, Unit, subject_key

MODEL_KIND = {
    LearningModel.CITIZEN: "person",
    LearningModel.FAMILY: "household",
    LearningModel.CLAN: "clan",
    LearningModel.COMMUNITY: "village",
    LearningModel.COMMUNE: "commune",
    LearningModel.UNIT: "unit",
}

CITIZEN_SCOPES = {
    TargetGroup.OFFICIAL: Scope.OFFICIAL,
    TargetGroup.WORKER: Scope.WORKER,
    TargetGroup.PUPIL: Scope.PUPIL,
}


def citizen_scope(target_group: str) -> str:
    """The evaluation form for a target group; residents' form by default."""
    return CITIZEN_SCOPES.get(target_group, Scope.RESIDENT)


@dataclass(frozen=True)
class Subject:
    model: str
    kind: str
    pk: int
    name: str
    commune: Commune
    village: Village | None
    scope: str
    obj: object

    @property
    def key(self) -> str:
        return subject_key(self.kind, self.pk)

    @property
    def owner(self):
        """The person who speaks for the subject: themselves, head or representative."""
        return {
            "person": lambda: self.obj,
            "household": lambda: self.obj.head,
            "clan": lambda: self.obj.representative,
            "unit": lambda: self.obj.head,
        }.get(self.kind, lambda: None)()

    def dossier_fields(self) -> dict:
        fields = {"person": None, "household": None, "clan": None, "unit": None}
        if self.kind in fields:
            fields[self.kind] = self.obj
        return {k: v for k, v in fields.items() if v is not None}


def subject_for(model: str, obj) -> Subject:
    """The subject of ``model`` that ``obj`` (user, household, clan...) stands for."""
    kind = MODEL_KIND[model]
    if kind == "person":
        return Subject(
            model,
            kind,
            obj.pk,
            str(obj),
            obj.commune,
            obj.village,
            citizen_scope(obj.target_group),
            obj,
        )
    if kind == "village":
        return Subject(
            model, kind, obj.pk, obj.name, obj.commune, obj, Scope.VILLAGE, obj
        )
    if kind == "commune":
        return Subject(model, kind, obj.pk, obj.name, obj, None, Scope.COMMUNE, obj)
    if kind == "unit":
        scope = Scope.UNIT_PROVINCE if obj.province_level else Scope.UNIT_COMMUNE
        return Subject(
            model, kind, obj.pk, obj.name, obj.commune, obj.village, scope, obj
        )
    assert isinstance(obj, Household | Clan | Unit)
    return Subject(
        model, kind, obj.pk, obj.name, obj.commune, obj.village, Scope.ALL, obj
    )
