from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "cyclopedia.apps.search"
    label = "search"
    verbose_name = "Search"
