"""The API under /api/ (ninja), the token forms of the profile page, JSON 404s under /api/v1/."""

from django.urls import path, re_path

from cyclopedia.apps.api import views
from cyclopedia.apps.api.api import api

urlpatterns = [
    path("api/tokens/create", views.token_create, name="api-token-create"),
    path("api/tokens/<int:token_id>/revoke", views.token_revoke, name="api-token-revoke"),
    path("api/", api.urls),
    re_path(r"^api/v1/", views.not_found),
]
