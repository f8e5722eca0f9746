from django.urls import path, re_path

from cyclopedia.apps.pages import facts, feeds, sitemaps, views

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
    path("facts", facts.facts, name="facts"),
    path("feeds/new.atom", feeds.NewArticlesFeed(), name="feed-new"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap-section"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
