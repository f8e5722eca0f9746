from django.urls import path

from cyclopedia.apps.search import views

urlpatterns = [
    path("search", views.search, name="search"),
    path("search/suggest", views.suggest, name="search-suggest"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
]
