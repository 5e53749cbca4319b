"""Names Wagtail's migrations give in English and the admin shows staff, in Vietnamese:
the root page and collection, and the default moderation workflow and its task
("Gửi duyệt theo Moderators approval" on every page editor's menu)."""

from django.db import migrations

from cms.constants import (
    DEFAULT_TASK_NAME,
    DEFAULT_WORKFLOW_NAME,
    ROOT_COLLECTION_NAME,
    ROOT_PAGE_TITLE,
)


def name_in_vietnamese(apps, schema_editor):
    apps.get_model("wagtailcore", "Page").objects.filter(
        depth=1, title="Root"
    ).update(title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE)
    apps.get_model("wagtailcore", "Collection").objects.filter(
        depth=1, name="Root"
    ).update(name=ROOT_COLLECTION_NAME)
    for model, name in (("Workflow", DEFAULT_WORKFLOW_NAME), ("Task", DEFAULT_TASK_NAME)):
        apps.get_model("wagtailcore", model).objects.filter(
            name="Moderators approval"
        ).update(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_fill_file_sizes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(name_in_vietnamese, migrations.RunPython.noop)]
