from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cyclopedia.apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"
