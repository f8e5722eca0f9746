"""URL map of the site."""

from django.urls import include, path

urlpatterns = [
    path("", include("cyclopedia.apps.search.urls")),
    path("", include("cyclopedia.apps.pages.urls")),
    path("", include("cyclopedia.apps.editorial.urls")),
    path("", include("cyclopedia.apps.accounts.urls")),
    path("", include("cyclopedia.apps.api.urls")),
]

handler404 = "cyclopedia.apps.pages.views.not_found"
handler500 = "cyclopedia.apps.pages.views.server_error"
