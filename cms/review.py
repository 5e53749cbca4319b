"""Review of university contributions: institution groups and the workflow.

A contributor may add and edit drafts only under their institution's library section and
never publish; each submission goes to one approval task for library editors (designated
by a province officer or an admin), who never decide on their own submission or edit
(`cms.models.LibraryReviewTask`). A rejection carries a comment the contributor reads
in the page's workflow history.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts.roles import Role, group_for
from cms.models import (
    ContributorProfile,
    Institution,
    InstitutionLibraryPage,
    LibraryReviewTask,
    ResourceLibraryPage,
)

WORKFLOW_NAME = "Duyệt học liệu mở"
TASK_NAME = "Biên tập viên thư viện duyệt"
REVIEWER_ROLES = (Role.LIBRARY_EDITOR,)
CONTRIBUTOR_PAGE_PERMISSIONS = ("add_page", "change_page")
# Only on their institution's collection: universities do not see each other's files.
CONTRIBUTOR_COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "change_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "change_image"),
)


def institution_group_name_prefix() -> str:
    return "Cộng tác viên – "


def institution_group_name(institution: Institution) -> str:
    return f"{institution_group_name_prefix()}{institution.name}"


@transaction.atomic
def ensure_institution_group(section: InstitutionLibraryPage) -> Group:
    """The group whose members edit drafts in this section only; safe to run again."""
    institution = section.institution
    group, _created = Group.objects.get_or_create(
        name=institution_group_name(institution)
    )
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for codename in CONTRIBUTOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=section,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    collection = institution_collection(institution)
    for app_label, codename in CONTRIBUTOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            ),
        )
    return group


def institution_collection(institution: Institution) -> Collection:
    """The collection that holds the files an institution contributes."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=institution.name).first()
    return existing or root.add_child(name=institution.name)


@transaction.atomic
def make_contributor(*, user, institution: Institution) -> ContributorProfile:
    """Attach a staff account to an institution and give it that section's rights."""
    profile, _created = ContributorProfile.objects.update_or_create(
        user=user, defaults={"institution": institution}
    )
    sync_contributor_groups(profile)
    return profile


@transaction.atomic
def sync_contributor_groups(profile: ContributorProfile) -> None:
    """Membership of exactly one institution group: the profile's."""
    user = profile.user
    stale = Group.objects.filter(name__startswith=institution_group_name_prefix())
    user.groups.remove(*stale.exclude(name=institution_group_name(profile.institution)))
    groups = [group_for(Role.UNIVERSITY_CONTRIBUTOR)]
    section = InstitutionLibraryPage.objects.filter(
        institution_id=profile.institution_id
    ).first()
    if section is not None:
        groups.append(ensure_institution_group(section))
    user.groups.add(*groups)


def contributor_section(user) -> InstitutionLibraryPage | None:
    """The library section a contributor writes in, or None for other accounts."""
    profile = ContributorProfile.objects.filter(user_id=user.pk).first()
    if profile is None:
        return None
    return InstitutionLibraryPage.objects.filter(
        institution_id=profile.institution_id
    ).first()


@transaction.atomic
def ensure_review_workflow(library: ResourceLibraryPage) -> Workflow:
    """One library review task, attached to the whole library; idempotent.

    A database from before has a plain group approval task shared by centre staff and
    officers: it is taken out of the workflow and the reviews under way move to the
    library editors' task, so no submission is lost.
    """
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    task = LibraryReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = LibraryReviewTask.objects.create(name=TASK_NAME)
    task.groups.set([group_for(role) for role in REVIEWER_ROLES])
    for old in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow):
        TaskState.objects.filter(
            task=old.task_ptr, status=TaskState.STATUS_IN_PROGRESS
        ).update(task=task.task_ptr)
        WorkflowTask.objects.filter(workflow=workflow, task=old.task_ptr).delete()
        old.deactivate()
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=library, defaults={"workflow": workflow})
    return workflow


def submit_for_review(*, page, user):
    """Save the page's draft as a revision and start the library's workflow on it."""
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow is None:
        return None
    return workflow.start(page, user)
