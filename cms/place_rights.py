"""Page and collection rights by place, materialised as Wagtail groups.

Wagtail grants page rights to groups on a subtree and file rights to groups on a
collection. The roles say *who* a person is; the place says *where*: so each centre has
a "place group" holding rights on its CentrePage and its own collection, and each
province a group holding rights on the centre pages of that province. Membership is
derived from the predicates in `accounts.predicates` and kept in sync here whenever a
person's role groups or commune change, or a centre page appears. Nobody edits these
groups by hand: the next sync puts them back.

Staff with no commune belong to no place group, so they have no page right at all.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import m2m_changed, post_init, post_save
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from accounts.places import place_of
from accounts.predicates import commune_staff_of, province_officer_of
from accounts.roles import GROUP_NAMES, Role, forget_roles
from cms.models import Centre, CentrePage, Province

# Group names are data seen in the admin: Vietnamese, keyed by the unit's code.
CENTRE_GROUP_PREFIX = "Trang trung tâm "
PROVINCE_GROUP_PREFIX = "Trang cán bộ tỉnh "

CENTRE_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
PROVINCE_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page")
# wagtailmedia has no "choose" permission: its chooser lists what one may change.
CENTRE_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "add_media"),
    ("wagtailmedia", "change_media"),
)
PROVINCE_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "change_media"),
)
# The roles whose place groups follow from their commune or province.
PLACE_ROLES = (Role.CENTRE_STAFF, Role.COMMUNE_OFFICER, Role.PROVINCE_OFFICER)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return _permission("wagtailcore", codename)


def _named_group(prefix: str, code: str, label: str) -> Group:
    """The group for this unit code; renamed if the unit's name changed."""
    key = f"{prefix}{code} –"
    name = f"{key} {label}"[:150]
    group = Group.objects.filter(name__startswith=key).order_by("pk").first()
    if group is None:
        return Group.objects.create(name=name)
    if group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    return group


def centre_collection(centre: Centre) -> Collection:
    """The centre's own collection, a child of the root; made once."""
    if centre.collection_id:
        return centre.collection
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=centre.name).first()
    if collection is None:
        collection = root.add_child(name=centre.name)
    Centre.objects.filter(pk=centre.pk).update(collection=collection)
    centre.collection = collection
    return collection


def _set_grants(model, group: Group, target: str, target_ids, permissions) -> None:
    """Exactly these permissions on exactly these pages or collections."""
    permission_ids = [permission.pk for permission in permissions]
    wanted = {(t, p) for t in target_ids for p in permission_ids}
    existing = model.objects.filter(group=group)
    have = set(existing.values_list(f"{target}_id", "permission_id"))
    for target_id, permission_id in have - wanted:
        existing.filter(
            **{f"{target}_id": target_id}, permission_id=permission_id
        ).delete()
    model.objects.bulk_create(
        model(group=group, **{f"{target}_id": t}, permission_id=p)
        for t, p in wanted - have
    )


def _set_page_rights(group: Group, pages, codenames) -> None:
    permissions = [_page_permission(codename) for codename in codenames]
    _set_grants(GroupPagePermission, group, "page", [p.pk for p in pages], permissions)


def _set_collection_rights(group: Group, collections, permissions) -> None:
    resolved = [_permission(*permission) for permission in permissions]
    ids = [collection.pk for collection in collections]
    _set_grants(GroupCollectionPermission, group, "collection", ids, resolved)


@transaction.atomic
def ensure_centre_group(page: CentrePage) -> Group:
    """The group of one centre: its page subtree and its own collection."""
    centre = Centre.objects.select_related("commune").get(pk=page.centre_id)
    group = _named_group(CENTRE_GROUP_PREFIX, centre.commune.code, centre.name)
    # The centre's page in every language: translations follow the source's rules.
    pages = list(CentrePage.objects.filter(centre_id=page.centre_id))
    _set_page_rights(group, pages, CENTRE_PAGE_PERMISSIONS)
    # A centre that changed commune leaves its former commune's group behind.
    GroupPagePermission.objects.filter(
        page__in=pages, group__name__startswith=CENTRE_GROUP_PREFIX
    ).exclude(group=group).delete()
    _set_collection_rights(
        group, [centre_collection(centre)], CENTRE_COLLECTION_PERMISSIONS
    )
    return group


@transaction.atomic
def ensure_province_group(province: Province) -> Group:
    """The group of one province: every centre page of the province."""
    group = _named_group(PROVINCE_GROUP_PREFIX, province.code, province.name)
    pages = list(
        CentrePage.objects.filter(centre__commune__province=province).select_related(
            "centre"
        )
    )
    _set_page_rights(group, pages, PROVINCE_PAGE_PERMISSIONS)
    _set_collection_rights(
        group,
        [centre_collection(page.centre) for page in pages],
        PROVINCE_COLLECTION_PERMISSIONS,
    )
    return group


def place_groups_of(user) -> list[Group]:
    """The place groups this person should belong to, from the predicates."""
    place = place_of(user)
    groups = []
    if commune_staff_of(user, place.commune_id):
        page = CentrePage.objects.filter(centre__commune_id=place.commune_id).first()
        if page is not None:
            groups.append(ensure_centre_group(page))
    if province_officer_of(user, place.province_id):
        groups.append(ensure_province_group(Province.objects.get(pk=place.province_id)))
    return groups


def _all_place_groups():
    return Group.objects.filter(name__startswith=CENTRE_GROUP_PREFIX) | (
        Group.objects.filter(name__startswith=PROVINCE_GROUP_PREFIX)
    )


@transaction.atomic
def sync_user_place_groups(user) -> None:
    """Make the user's place groups exactly those their roles and place give."""
    forget_roles(user)
    wanted = {group.pk for group in place_groups_of(user)}
    current = set(
        user.groups.filter(pk__in=_all_place_groups()).values_list("pk", flat=True)
    )
    if current - wanted:
        user.groups.remove(*(current - wanted))
    if wanted - current:
        user.groups.add(*(wanted - current))
    forget_roles(user)


def _people_with_place_roles():
    names = [GROUP_NAMES[role] for role in PLACE_ROLES]
    User = get_user_model()
    return User.objects.filter(groups__name__in=names) | User.objects.filter(
        groups__in=_all_place_groups()
    )


@transaction.atomic
def sync_place_groups() -> None:
    """Every centre and province group and every membership; safe to run again."""
    provinces = set()
    for page in CentrePage.objects.select_related("centre__commune"):
        ensure_centre_group(page)
        provinces.add(page.centre.commune.province_id)
    for province in Province.objects.filter(pk__in=provinces):
        ensure_province_group(province)
    for user in _people_with_place_roles().distinct():
        sync_user_place_groups(user)


def centre_page_changed(page: CentrePage) -> None:
    """A centre page appeared or changed centre: its groups and people follow."""
    ensure_centre_group(page)
    commune = Centre.objects.select_related("commune").get(pk=page.centre_id).commune
    provinces = {commune.province_id} | _province_ids_granted_on(page)
    for province in Province.objects.filter(pk__in=provinces):
        ensure_province_group(province)
    User = get_user_model()
    people = _people_with_place_roles().filter(commune__province_id__in=provinces)
    for user in User.objects.filter(pk__in=people.values("pk")):
        sync_user_place_groups(user)


def _province_ids_granted_on(page) -> set[int]:
    """Provinces whose group holds rights on this page (its centre may have moved)."""
    names = GroupPagePermission.objects.filter(
        page=page, group__name__startswith=PROVINCE_GROUP_PREFIX
    ).values_list("group__name", flat=True)
    codes = {name[len(PROVINCE_GROUP_PREFIX) :].split(" –")[0] for name in names}
    return set(Province.objects.filter(code__in=codes).values_list("pk", flat=True))


# --- Signals -------------------------------------------------------------------------


def _place_role_group_ids() -> set[int]:
    names = [GROUP_NAMES[role] for role in PLACE_ROLES]
    return set(Group.objects.filter(name__in=names).values_list("pk", flat=True))


def _on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    # Only role-group changes matter; our own place-group edits do not recurse.
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    User = get_user_model()
    if not reverse:
        if action == "post_clear" or (pk_set or set()) & _place_role_group_ids():
            sync_user_place_groups(instance)
        return
    if instance.pk not in _place_role_group_ids():
        return
    if action == "post_clear":
        sync_place_groups()
        return
    for user in User.objects.filter(pk__in=pk_set):
        sync_user_place_groups(user)


def _remember_commune(sender, instance, **kwargs):
    instance._place_rights_commune = instance.__dict__.get("commune_id")


def _on_user_saved(sender, instance, created, raw, **kwargs):
    if raw or created:
        return
    commune_id = instance.__dict__.get("commune_id")
    if commune_id == getattr(instance, "_place_rights_commune", commune_id):
        return
    instance._place_rights_commune = commune_id
    sync_user_place_groups(instance)


def _on_centre_page_saved(sender, instance, raw, **kwargs):
    if raw or not instance.centre_id:
        return
    centre_page_changed(instance)


def _on_centre_saved(sender, instance, raw, created, **kwargs):
    # A centre given to another commune: its page's rights move with it.
    if raw or created:
        return
    page = CentrePage.objects.filter(centre=instance).first()
    if page is not None:
        centre_page_changed(page)


def connect_signals() -> None:
    User = get_user_model()
    m2m_changed.connect(
        _on_groups_changed, sender=User.groups.through, dispatch_uid="place_rights"
    )
    post_init.connect(_remember_commune, sender=User, dispatch_uid="place_rights")
    post_save.connect(_on_user_saved, sender=User, dispatch_uid="place_rights")
    post_save.connect(
        _on_centre_page_saved, sender=CentrePage, dispatch_uid="place_rights"
    )
    post_save.connect(_on_centre_saved, sender=Centre, dispatch_uid="place_rights")
