"""The change log whose rows make the index generation cached search answers are kept under
(caching.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_weighted_fields")]

    operations = [
        migrations.CreateModel(
            name="SearchChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.BigIntegerField()),
            ],
        ),
    ]
