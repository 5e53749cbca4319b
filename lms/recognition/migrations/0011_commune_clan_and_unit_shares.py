from django.db import migrations


def add_shares(apps, schema_editor):
    from lms.recognition.criteria.seed import add_commune_shares

    add_commune_shares(
        apps.get_model("recognition", "CriteriaSet"),
        apps.get_model("recognition", "Criterion"),
        apps.get_model("recognition", "Indicator"),
    )


class Migration(migrations.Migration):
    """TT 25/2023 criterion 5 gains the shares of learning clans and units (QĐ 387),
    as version 2 of the commune set: version 1 may be in use."""

    dependencies = [("recognition", "0010_indicator_metric_choices")]

    operations = [migrations.RunPython(add_shares, migrations.RunPython.noop)]
