"""Hostile user names: refused at sign-up, inert wherever shown (POLICY.md §4, Encoding)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client

from cyclopedia.apps.accounts.usernames import normalize_username, username_key, validate_username
from tests.apps.accounts.conftest import PASSWORD, MakeUser

pytestmark = pytest.mark.django_db

HOSTILE = {
    "right-to-left override": ("evil\u202egnp.exe", "direction"),
    "left-to-right mark": ("\u200eadmin2", "direction"),
    "arabic letter mark": ("name\u061cx", "direction"),
    "first strong isolate": ("iso\u2068late", "direction"),
    "zero-width space": ("bo\u200bb", "zero-width"),
    "zero-width joiner": ("al\u200dice", "zero-width"),
    "byte order mark": ("\ufeffcarol", "zero-width"),
    "soft hyphen": ("da\u00advid", "zero-width"),
    "null character": ("nul\x00l", "Null characters"),
    "bell character": ("bell\x07", "control"),
    "escape character": ("esc\x1b[31m", "control"),
    "mixed scripts": ("pаypal", "look alike"),  # Cyrillic а
    "greek omicron": ("gοogle", "look alike"),  # Greek ο
    "script tag": ("<script>alert(1)</script>", "only letters"),
    "template syntax": ("{{ request }}", "only letters"),
    "template tag": ("{% debug %}", "only letters"),
    "quote": ('a"b', "only letters"),
    "space": ("two words", "spaces"),
    "reserved": ("Administrator", "reserved"),
    "reserved look-alike": ("Adrnin", "reserved"),
    "fullwidth reserved": ("ＡＤＭＩＮ", "reserved"),
    "too long": ("a" * 41, "2 to 40"),
    "one character": ("a", "2 to 40"),
    "digits only": ("12345", "letter"),
    "leading dot": (".hidden", "begin and end"),
    "zalgo": ("z\u0301\u0302\u0303\u0304\u0305algo", "accents"),
}


@pytest.mark.parametrize(("name", "message"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_names_are_refused_at_signup(client: Client, name: str, message: str) -> None:
    response = client.post(
        "/accounts/signup",
        {"username": name, "email": "x@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("username", []))
    assert message in errors, errors
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "name", ["alice", "Ada_Lovelace", "jean-luc.picard", "José", "Ελληνικά", "Пётр", "山田太郎",
             "देवनागरी", "user2024", "naïve"],
)  # fmt: skip
def test_ordinary_names_are_accepted(name: str) -> None:
    validate_username(normalize_username(name))


def test_names_are_stored_nfkc(make_user: MakeUser) -> None:
    user = make_user("Jose\u0301", email="jose@example.org")  # e + combining acute
    assert user.username == "José"
    assert normalize_username("ｆｕｌｌ") == "full"


def test_lookalike_keys() -> None:
    assert username_key("Admin") == username_key("admin") == username_key("аdmin")
    assert username_key("rn") == username_key("m")
    assert username_key("I") == username_key("l") == username_key("1") == username_key("i")
    assert username_key("ADMlN") == username_key("admin")
    assert username_key("alice") != username_key("bob")


def test_lookalike_of_an_existing_user_is_refused(client: Client, make_user: MakeUser) -> None:
    make_user("paypa1")
    response = client.post(
        "/accounts/signup",
        {
            "username": "PayPal",
            "email": "x@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert "taken" in " ".join(response.context["form"].errors["username"])


def test_a_taken_name_says_so(client: Client, make_user: MakeUser) -> None:
    make_user("alice")
    with pytest.raises(ValidationError):
        validate_username("")
    response = client.post(
        "/accounts/signup",
        {
            "username": "alice",
            "email": "x@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert "taken" in " ".join(response.context["form"].errors["username"])


HOSTILE_STORED = '<img src=x onerror=alert(1)>{{ 7|add:"7" }}{% now "Y" %}'


def test_any_stored_name_is_escaped_where_shown(client: Client) -> None:
    # A name that predates the rules (or came from another tool) must still be inert.
    user = User.objects.create_user(HOSTILE_STORED, "h@example.org", PASSWORD)
    client.force_login(user)
    for url in ["/", f"/user/{quote(HOSTILE_STORED)}", "/accounts/settings"]:
        html = client.get(url).content.decode()
        assert "<img src=x" not in html, url
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, url
        assert "{{ 7|add:&quot;7&quot; }}" in html, url  # template syntax shown as text
        assert "14" not in html.split("&lt;img", 1)[1][:80], url
