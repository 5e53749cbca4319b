"""Who edits the criteria sets in the Wagtail admin.

Province officers keep the criteria (their thresholds are set by the province, and
many are still unconfirmed); commune officers and centre staff may read them. Run after
every migrate, because permissions only exist once migrations have finished.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from cms.roles import GROUP_NAMES, Role

CRITERIA_MODELS = ("criteriaset", "criterion", "indicator")

_ACTIONS = {
    Role.PROVINCE_OFFICER: ("add", "change", "view"),
    Role.COMMUNE_OFFICER: ("view",),
    Role.CENTRE_STAFF: ("view",),
}


def grant_criteria_permissions(**_signal_kwargs) -> None:
    """Give each role group its rights on the criteria models; safe to run again."""
    # This app's post_migrate may run before auth has created its permissions.
    create_permissions(apps.get_app_config("recognition"), verbosity=0)
    for role, actions in _ACTIONS.items():
        group, _created = Group.objects.get_or_create(name=GROUP_NAMES[role])
        codenames = [f"{a}_{model}" for a in actions for model in CRITERIA_MODELS]
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="recognition", codename__in=codenames
            )
        )
