from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "cyclopedia.apps.articles"
    label = "articles"
    verbose_name = "Articles"
