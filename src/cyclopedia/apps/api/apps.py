from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cyclopedia.apps.api"
    label = "api"
    verbose_name = "API"
