from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from cms.roles import GROUP_NAMES, Role, group_for, has_role, sync_role_groups


def test_each_role_is_a_group_that_can_open_the_admin(db):
    sync_role_groups()
    for role in Role:
        group = group_for(role)
        assert group.permissions.filter(codename="access_admin").exists()
    assert Group.objects.filter(name__in=GROUP_NAMES.values()).count() == len(Role)


def test_centre_staff_may_publish_pages_and_contributors_may_not(db):
    staff_perms = set(
        GroupPagePermission.objects.filter(
            group=group_for(Role.CENTRE_STAFF)
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page"} <= staff_perms
    assert not GroupPagePermission.objects.filter(
        group=group_for(Role.UNIVERSITY_CONTRIBUTOR),
        permission__codename="publish_page",
    ).exists()


def test_sync_is_idempotent(db):
    sync_role_groups()
    before = GroupPagePermission.objects.count()
    sync_role_groups()
    assert GroupPagePermission.objects.count() == before


def test_has_role(resident, django_assert_num_queries):
    assert not has_role(resident, Role.CENTRE_STAFF)
    resident.groups.add(group_for(Role.CENTRE_STAFF))
    fresh = type(resident).objects.get(pk=resident.pk)
    with django_assert_num_queries(1):
        assert has_role(fresh, Role.CENTRE_STAFF)
        assert not has_role(fresh, Role.PROVINCE_OFFICER)
