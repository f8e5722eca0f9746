"""Account pages. Log-in, log-out and passwords are Django's own views (urls.py); these are the
sign-up, the profile and the notification settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.contrib.auth.views import RedirectURLMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic.edit import FormView

from cyclopedia.apps.accounts import selectors
from cyclopedia.apps.accounts.forms import NotificationsForm, SignupForm
from cyclopedia.apps.accounts.roles import Role, can_review, role_of
from cyclopedia.apps.accounts.services import profile_notifications_set, user_create

CONTRIBUTIONS_PAGE_SIZE = 50
# The backend that checked nothing yet: a new account logs in with the password just chosen.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


class SignupView(RedirectURLMixin, FormView):  # type: ignore[type-arg]
    """Create an account and log it in; then go to a safe ``next`` or the home page."""

    template_name = "accounts/signup.html"
    form_class = SignupForm
    next_page = settings.LOGIN_REDIRECT_URL

    def form_valid(self, form: SignupForm) -> HttpResponse:
        try:
            user = user_create(
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
                email=form.cleaned_data["email"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
            return self.form_invalid(form)
        login(self.request, user, backend=MODEL_BACKEND)
        return HttpResponseRedirect(self.get_success_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context[self.redirect_field_name] = self.get_redirect_url()
        return context


@require_safe
def profile(request: HttpRequest, username: str) -> HttpResponse:
    """A user's public page: their published contributions; their settings link for themself."""
    user = selectors.user_by_username(username)
    if user is None:
        raise Http404(f"There is no user named “{username[:100]}”.")
    page = Paginator(selectors.user_contributions(user), CONTRIBUTIONS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    role = role_of(user)
    return render(
        request,
        "accounts/profile.html",
        {
            "profile_user": user,
            "profile_role": role,
            "profile_is_staff": role in (Role.REVIEWER, Role.ADMINISTRATOR),
            "is_own_profile": request.user.is_authenticated and request.user.pk == user.pk,
            "contributions": page,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_settings(request: HttpRequest) -> HttpResponse:
    """The signed-in user's notification choices."""
    assert isinstance(request.user, User)
    profile = selectors.profile_of(request.user)
    reviewer = can_review(request.user)
    form = NotificationsForm(request.POST or None, instance=profile, reviewer=reviewer)
    if request.method == "POST" and form.is_valid():
        profile_notifications_set(
            user=request.user,
            notify_decisions=form.cleaned_data["notify_decisions"],
            notify_submissions=form.cleaned_data.get(
                "notify_submissions", profile.notify_submissions
            ),
        )
        return redirect(reverse("profile-settings") + "?saved=1")
    return render(
        request,
        "accounts/settings.html",
        {"form": form, "reviewer": reviewer, "saved": "saved" in request.GET},
    )
