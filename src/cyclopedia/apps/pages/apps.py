from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "cyclopedia.apps.pages"
    label = "pages"
    verbose_name = "Pages"
