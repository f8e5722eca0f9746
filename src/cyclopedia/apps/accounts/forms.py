"""Forms of the account pages. They read input; the rules live in usernames.py and services.py."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib.auth.forms import SetPasswordMixin
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from cyclopedia.apps.accounts.models import Profile
from cyclopedia.apps.accounts.selectors import username_taken
from cyclopedia.apps.accounts.services import USERNAME_TAKEN
from cyclopedia.apps.accounts.usernames import MAX_LENGTH, normalize_username, validate_username


class SignupForm(SetPasswordMixin, forms.Form):  # type: ignore[type-arg]
    username = forms.CharField(
        label="User name",
        max_length=MAX_LENGTH * 4,  # the validator says how long a name may be
        help_text=(
            "Shown publicly with your contributions. Letters, digits, “.”, “_” and “-”; "
            "2 to 40 characters."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    email = forms.EmailField(
        label="E-mail address",
        help_text="Never shown. Used to reset your password and for the notices you choose.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields()

    # Service errors are keyed by the service's argument names.
    SERVICE_FIELDS: ClassVar[dict[str, str]] = {
        "username": "username",
        "email": "email",
        "password": "password2",
    }

    def clean_username(self) -> str:
        name = normalize_username(self.cleaned_data["username"])
        validate_username(name)
        if username_taken(name):
            raise ValidationError(USERNAME_TAKEN, code="taken")
        return name

    def clean(self) -> dict[str, Any]:
        self.validate_passwords()
        user = User(
            username=self.cleaned_data.get("username", ""),
            email=self.cleaned_data.get("email", ""),
        )
        self.validate_password_for_user(user)
        return self.cleaned_data

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a ValidationError raised by user_create next to the fields it concerns."""
        for key, messages in error.message_dict.items():
            self.add_error(self.SERVICE_FIELDS.get(key), messages)


class NotificationsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Profile
        fields = ("notify_decisions", "notify_submissions")

    def __init__(self, *args: Any, reviewer: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not reviewer:
            del self.fields["notify_submissions"]
