"""Sizes of documents and audio/video files saved before cms.file_sizes filled them."""

from django.db import migrations


def _size(field_file):
    try:
        return field_file.size if field_file else None
    except (OSError, ValueError):
        return None


def fill_sizes(apps, schema_editor):
    for model, field in (
        (apps.get_model("wagtaildocs", "Document"), "file_size"),
        (apps.get_model("cms", "LessonMedia"), "size_bytes"),
    ):
        for row in model.objects.filter(**{f"{field}__isnull": True}).iterator():
            size = _size(row.file)
            if size is not None:
                model.objects.filter(pk=row.pk).update(**{field: size})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_retired_renditions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(fill_sizes, migrations.RunPython.noop)]
