"""Default recognising authorities, per the circulars; provinces edit their own rows."""

from django.db import migrations

from lms.recognition.authority_defaults import load_default_authorities


def seed(apps, schema_editor):
    load_default_authorities(apps.get_model("recognition", "RecognisingAuthority"))


class Migration(migrations.Migration):
    dependencies = [("recognition", "0005_authorities_and_override")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
