"""Object permissions on pages and collections, asked with ``user.has_perm``.

One truth: each rule asks Wagtail's own permission tester or permission policy, whose
answers come from the place groups (cms.place_rights) and the contributors' groups.
So ``user.has_perm("cms.publish_page", page)`` in a view or template agrees with what
the Wagtail admin lets that user do.
"""

import rules
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtailmedia.permissions import permission_policy as media_policy

from accounts.predicates import is_admin, is_library_editor


def _page_rule(check):
    def predicate(user, page) -> bool:
        if not isinstance(page, Page) or not user.is_authenticated:
            return False
        return bool(check(page.permissions_for_user(user)))

    return rules.predicate(predicate)


def _collection_rule(policy, actions):
    def predicate(user, collection) -> bool:
        if collection is None or not user.is_authenticated:
            return False
        if callable(policy):  # looked up when asked: the registry fills at start-up
            return _collection_rule(policy(), actions)(user, collection)
        return (
            policy.collections_user_has_any_permission_for(user, actions)
            .filter(pk=collection.pk)
            .exists()
        )

    return rules.predicate(predicate)


@rules.predicate
def may_approve(user, page) -> bool:
    """An approve action is offered to this user on the page's current task."""
    if not isinstance(page, Page) or not user.is_authenticated:
        return False
    task = page.current_workflow_task
    if task is None:
        return False
    return any(name == "approve" for name, *_ in task.specific.get_actions(page, user))


rules.add_perm("cms.change_page", _page_rule(lambda tester: tester.can_edit()))
rules.add_perm("cms.publish_page", _page_rule(lambda tester: tester.can_publish()))
rules.add_perm("cms.unpublish_page", _page_rule(lambda tester: tester.can_unpublish()))
rules.add_perm("cms.delete_page", _page_rule(lambda tester: tester.can_delete()))
rules.add_perm("cms.add_subpage", _page_rule(lambda t: t.can_add_subpage()))
rules.add_perm("cms.approve_page", may_approve)


def image_policy():
    return policy_registry.get_by_type(get_image_model())


def document_policy():
    return policy_registry.get_by_type(get_document_model())


rules.add_perm("cms.add_image_in_collection", _collection_rule(image_policy, ["add"]))
rules.add_perm(
    "cms.choose_image_in_collection", _collection_rule(image_policy, ["choose"])
)
rules.add_perm(
    "cms.add_document_in_collection", _collection_rule(document_policy, ["add"])
)
rules.add_perm(
    "cms.choose_document_in_collection", _collection_rule(document_policy, ["choose"])
)
rules.add_perm("cms.add_media_in_collection", _collection_rule(media_policy, ["add"]))
# wagtailmedia's chooser lists the media one may change or delete.
rules.add_perm(
    "cms.choose_media_in_collection",
    _collection_rule(media_policy, ["change", "delete"]),
)


@rules.predicate
def writes_in_a_library_section(user) -> bool:
    """A university contributor whose institution has its section in the library."""
    from cms.review import contributor_section  # models load after the rules

    return bool(user.is_authenticated and contributor_section(user) is not None)


# Bulk uploads of open resources: a contributor into their section (the form fixes
# it), a library editor or an administrator into any.
rules.add_perm(
    "cms.bulk_upload_resources",
    is_admin | is_library_editor | writes_in_a_library_section,
)


@rules.predicate
def may_change_media(user, media) -> bool:
    """The media's collection lets this user change it (its uploader, or staff of
    the place that owns the collection)."""
    if media is None or not user.is_authenticated:
        return False
    return media_policy.user_has_permission_for_instance(user, "change", media)


# Dubbed audio tracks and subtitles are changes to the video they belong to.
rules.add_perm("cms.add_media_track", may_change_media)
