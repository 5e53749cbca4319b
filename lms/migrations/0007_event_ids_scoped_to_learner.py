"""Event ids become unique per learner: the device's id moves to its own column."""

from django.db import migrations, models


def copy_ids(apps, schema_editor):
    # Until now the device's id was the primary key.
    ProgressEvent = apps.get_model("lms", "ProgressEvent")
    ProgressEvent.objects.update(client_event_id=models.F("id"))


class Migration(migrations.Migration):
    dependencies = [("lms", "0006_temporary_password_issued_at")]

    operations = [
        migrations.AddField(
            model_name="progressevent",
            name="client_event_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="event id"),
        ),
        migrations.RunPython(copy_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="progressevent",
            name="client_event_id",
            field=models.UUIDField(editable=False, verbose_name="event id"),
        ),
        migrations.AddConstraint(
            model_name="progressevent",
            constraint=models.UniqueConstraint(
                fields=("learner", "client_event_id"), name="one_event_id_per_learner"
            ),
        ),
    ]
