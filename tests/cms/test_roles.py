from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from accounts.roles import GROUP_NAMES, Role, group_for, has_role
from cms.roles import sync_role_groups


def test_each_role_but_village_officers_is_a_group_that_can_open_the_admin(db):
    sync_role_groups()
    for role in Role:
        group = group_for(role)
        may_open = group.permissions.filter(codename="access_admin").exists()
        assert may_open == (role != Role.VILLAGE_OFFICER), role
    assert Group.objects.filter(name__in=GROUP_NAMES.values()).count() == len(Role)


def test_sync_removes_the_root_grants_of_older_versions(db):
    """Role groups once edited every page and file; the sync takes that away."""
    staff = group_for(Role.CENTRE_STAFF)
    GroupPagePermission.objects.create(
        group=staff,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    GroupCollectionPermission.objects.create(
        group=staff,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )
    sync_role_groups()
    role_groups = Group.objects.filter(name__in=GROUP_NAMES.values())
    assert not GroupPagePermission.objects.filter(group__in=role_groups).exists()
    assert not GroupCollectionPermission.objects.filter(group__in=role_groups).exists()


def test_sync_is_idempotent(db):
    sync_role_groups()
    before = (GroupPagePermission.objects.count(), Group.objects.count())
    sync_role_groups()
    assert (GroupPagePermission.objects.count(), Group.objects.count()) == before


def test_centre_staff_may_write_quizzes(db):
    sync_role_groups()
    codenames = set(
        group_for(Role.CENTRE_STAFF).permissions.values_list("codename", flat=True)
    )
    assert {"add_quiz", "change_quiz", "view_quiz"} <= codenames


def test_has_role(resident, django_assert_num_queries):
    assert not has_role(resident, Role.CENTRE_STAFF)
    resident.groups.add(group_for(Role.CENTRE_STAFF))
    fresh = type(resident).objects.get(pk=resident.pk)
    with django_assert_num_queries(1):
        assert has_role(fresh, Role.CENTRE_STAFF)
        assert not has_role(fresh, Role.PROVINCE_OFFICER)
