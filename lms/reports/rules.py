"""Who may read which area's reports (see shared ROLES.md).

Village officers read their village, centre staff and commune officers their commune
and its villages, province officers their province and anything in it, admins the
whole platform. The areas themselves are `scope.home_scope` and `Scope.contains`.
"""

import rules

from accounts.predicates import (
    is_admin,
    is_commune_staff,
    is_province_officer,
    is_village_officer,
)
from lms.reports.scope import home_scope


@rules.predicate
def area_within_reach(user, area) -> bool:
    """Without an area: may the user read any report? With one: this one?"""
    allowed = home_scope(user)
    if allowed is None:
        return False
    return area is None or allowed.contains(area)


rules.add_perm(
    "reports.view_reports",
    (is_admin | is_province_officer | is_commune_staff | is_village_officer)
    & area_within_reach,
)
