"""Evidence saved before 0008 sits in public media under its original name: move it."""

from django.core.files.storage import storages
from django.db import migrations

from lms.private_files import PRIVATE_STORAGE
from lms.recognition.services.evidence_files import move_public_evidence


def move_evidence(apps, schema_editor):
    move_public_evidence(
        evidence_model=apps.get_model("recognition", "Evidence"),
        public=storages["default"],
        private=storages[PRIVATE_STORAGE],
    )


class Migration(migrations.Migration):
    dependencies = [("recognition", "0008_evidence_private_storage")]

    operations = [
        migrations.RunPython(move_evidence, migrations.RunPython.noop, elidable=True)
    ]
