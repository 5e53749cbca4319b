"""How far an area is from the national targets (QĐ 387/QĐ-TTg).

The targets are shares of everyone who could hold a title: households recognised as
learning families, clans, villages and units recognised, and workers and officials
who are learning citizens. Numerators are the year's titles held (recognised by a
decision: ``recognition.selectors.holds_title``, as in the other tables and the
roll-ups); denominators are the households, clans, villages, units and residents
(``lms.residents.residents``) of each group the area has now: five counting
queries, whatever the size. A village counts its own households, the clans seated
and units located in it, and its residents; the villages line means nothing for one
village and is left out.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from cms.models import Village
from lms.models import TargetGroup
from lms.recognition.constants import LearningModel
from lms.recognition.models import Clan, Household, Unit
from lms.residents import residents as resident_people

from .facts import in_scope
from .scope import Level, Scope
from .values import Row, YearFigures, percent


@dataclass(frozen=True)
class TargetLine:
    key: str
    label: str
    recognised: int
    total: int
    target: float | None

    @property
    def rate(self) -> float | None:
        return percent(self.recognised, self.total)

    @property
    def met(self) -> bool | None:
        if self.target is None or self.rate is None:
            return None
        return self.rate >= self.target


def target_lines(
    *, scope: Scope, totals: YearFigures, by_group: list[Row]
) -> list[TargetLine]:
    targets = settings.REPORT_TARGETS
    # by_group has a row for every target group, with or without dossiers.
    citizens = {row.key: row.recognition[LearningModel.CITIZEN] for row in by_group}
    residents = (
        resident_people()
        .filter(in_scope(scope))
        .aggregate(
            **{
                group: Count("pk", filter=Q(target_group=group))
                for group in (TargetGroup.WORKER, TargetGroup.OFFICIAL)
            }
        )
    )
    subjects = [
        (LearningModel.FAMILY, Household.objects),
        (LearningModel.CLAN, Clan.objects),
        (LearningModel.COMMUNITY, Village.objects),
        (LearningModel.UNIT, Unit.objects),
    ]
    if scope.level == Level.VILLAGE:
        subjects = [s for s in subjects if s[0] != LearningModel.COMMUNITY]
    result = [
        TargetLine(
            key=model,
            label=str(model.label),
            recognised=totals.recognition[model].recognised,
            total=objects.filter(in_scope(scope)).count(),
            target=targets.get(model),
        )
        for model, objects in subjects
    ]
    for group, label in (
        (TargetGroup.WORKER, _("Learning citizens: workers")),
        (TargetGroup.OFFICIAL, _("Learning citizens: officials")),
    ):
        result.append(
            TargetLine(
                key=group,
                label=label,
                recognised=citizens[group].recognised,
                total=residents[group],
                target=targets.get(group),
            )
        )
    return result
