from django.urls import path, re_path

from cyclopedia.apps.pages import views

urlpatterns = [
    path("", views.home, name="home"),
    re_path(r"^wiki/(?P<title>.+)$", views.article, name="article"),
    re_path(r"^history/(?P<title>.+)$", views.history, name="history"),
    re_path(r"^links-here/(?P<title>.+)$", views.links_here, name="links-here"),
    re_path(r"^category/(?P<name>.+)$", views.category, name="category"),
    path("random", views.random_article, name="random"),
    path("about", views.static_page, {"name": "about"}, name="about"),
    path("terms", views.static_page, {"name": "terms"}, name="terms"),
    path("privacy", views.static_page, {"name": "privacy"}, name="privacy"),
]
