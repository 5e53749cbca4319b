"""A Wagtail locale for every content language, so staff can translate at once."""

from django.db import migrations

# The codes of cms.content_languages at the time of writing (migrations keep history).
CODES = ("vi", "hmn", "ium", "tyz", "blt", "km")


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0012_centre_page_in_every_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
