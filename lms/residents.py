"""Who counts as a resident: the one population every figure is a share of.

A resident is an active person who is not staff: no ``is_staff`` or superuser flag
and no platform role (centre staff, officers, editors, contributors: the groups of
``accounts.roles``), living in the place asked for. Criteria that need an age (the
adults of a village or commune) ask for it on a date; the platform stores only the
year of birth, so a person's age on a date is the age they reach in that year, and
a person whose year of birth is unknown is counted (as the evaluation always did).

Recognition's population loading, registration, roll-ups and the QĐ 387 targets
all start from ``residents``; they add only their place filters.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.roles import GROUP_NAMES


def of_age(birth_year: int | None, *, on: datetime.date, min_age: int | None) -> bool:
    """Whether someone born in ``birth_year`` is ``min_age`` or older on ``on``."""
    return min_age is None or birth_year is None or on.year - birth_year >= min_age


def residents(
    *,
    commune=None,
    village=None,
    on: datetime.date | None = None,
    min_age: int | None = None,
) -> QuerySet:
    """Residents (of the commune and village, when given), of ``min_age`` on ``on``.

    ``commune`` and ``village`` take an instance or a primary key. Without ``on``
    the age is taken today.
    """
    people = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=False, is_superuser=False)
        .exclude(groups__name__in=list(GROUP_NAMES.values()))
    )
    if commune is not None:
        people = people.filter(commune=commune)
    if village is not None:
        people = people.filter(village=village)
    if min_age is not None:
        on = on or timezone.localdate()
        people = people.filter(
            Q(birth_year__isnull=True) | Q(birth_year__lte=on.year - min_age)
        )
    return people
