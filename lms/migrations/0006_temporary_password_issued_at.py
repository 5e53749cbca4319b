from django.db import migrations, models
from django.utils import timezone


def start_the_clock(apps, schema_editor):
    """Temporary passwords given before this change get a full day from now."""
    User = apps.get_model("lms", "User")
    User.objects.filter(
        password_is_temporary=True, temporary_password_issued_at__isnull=True
    ).update(temporary_password_issued_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0005_temporary_password"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="temporary_password_issued_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                null=True,
                verbose_name="temporary password given at",
            ),
        ),
        migrations.RunPython(start_the_clock, migrations.RunPython.noop),
    ]
