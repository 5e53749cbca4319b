from django.db import migrations


def seed(apps, schema_editor):
    from lms.recognition.criteria.seed import load_seed_sets

    load_seed_sets(
        apps.get_model("recognition", "CriteriaSet"),
        apps.get_model("recognition", "Criterion"),
        apps.get_model("recognition", "Indicator"),
    )


def create_village_officer_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="Cán bộ thôn / Chi hội khuyến học")


class Migration(migrations.Migration):
    dependencies = [
        ("recognition", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(create_village_officer_group, migrations.RunPython.noop),
    ]
