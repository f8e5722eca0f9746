from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "cyclopedia.apps.ingest"
    label = "ingest"
    verbose_name = "Ingestion"
