"""The root page and root collection carry Vietnamese names: the admin shows them."""

from django.db import migrations

from cms.constants import ROOT_COLLECTION_NAME, ROOT_PAGE_TITLE


def rename_roots(apps, schema_editor):
    apps.get_model("wagtailcore", "Page").objects.filter(
        depth=1, title="Root"
    ).update(title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE)
    apps.get_model("wagtailcore", "Collection").objects.filter(
        depth=1, name="Root"
    ).update(name=ROOT_COLLECTION_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_fill_file_sizes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename_roots, migrations.RunPython.noop)]
