"""The index generation that cached search answers are kept under (caching.py)."""

import secrets

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def first_generation(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    model = apps.get_model("search", "SearchGeneration")
    model.objects.using(schema_editor.connection.alias).update_or_create(
        pk=1, defaults={"value": secrets.randbits(62)}
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_weighted_fields")]

    operations = [
        migrations.CreateModel(
            name="SearchGeneration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(first_generation, migrations.RunPython.noop),
    ]
