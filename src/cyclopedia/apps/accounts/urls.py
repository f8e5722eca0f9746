"""Account URLs: Django's own log-in, log-out and password views with our templates, the
sign-up, the settings, and the public profile at /user/NAME."""

from django.conf import settings
from django.contrib.auth import views as auth
from django.urls import path, reverse_lazy

from cyclopedia.apps.accounts import views

urlpatterns = [
    path("accounts/signup", views.SignupView.as_view(), name="signup"),
    path(
        "accounts/login", auth.LoginView.as_view(template_name="accounts/login.html"), name="login"
    ),
    # POST only (Django's LogoutView answers GET with 405).
    path("accounts/logout", auth.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change",
        auth.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "accounts/password/change/done",
        auth.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset",
        auth.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            extra_email_context={"site_title": settings.SITE_NAME},
            success_url=reverse_lazy("password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent",
        auth.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>",
        auth.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done",
        auth.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("accounts/settings", views.profile_settings, name="profile-settings"),
    path("user/<str:username>", views.profile, name="profile"),
]
