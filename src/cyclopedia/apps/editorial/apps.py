from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "cyclopedia.apps.editorial"
    label = "editorial"
    verbose_name = "Contributions and editorial review"
