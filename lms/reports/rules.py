"""Who may read which area's reports (see shared ROLES.md).

Centre staff and commune officers read their commune, province officers their province
and any commune in it, admins the whole platform. Village officers have no report of
their own yet: reports are built per commune (see the closing note of issue 12).
"""

import rules

from accounts.predicates import is_admin, is_commune_staff, is_province_officer
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
    (is_admin | is_province_officer | is_commune_staff) & area_within_reach,
)
