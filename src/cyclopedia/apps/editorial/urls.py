from django.urls import path, re_path

from cyclopedia.apps.editorial import history_views, views

urlpatterns = [
    path("submit", views.propose_new, name="propose-new"),
    re_path(r"^edit/(?P<title>.+)$", views.propose_edit, name="propose-edit"),
    path("submissions", views.my_submissions, name="my-submissions"),
    path("submissions/preview", views.preview, name="submission-preview"),
    path("submissions/<int:pk>", views.submission_detail, name="submission"),
    path("submissions/<int:pk>/edit", views.submission_edit, name="submission-edit"),
    re_path(
        r"^submissions/(?P<pk>[0-9]+)/(?P<action>withdraw|update|comment|decide)$",
        views.submission_action,
        name="submission-action",
    ),
    path("review", views.review_queue, name="review-queue"),
    re_path(r"^diff/(?P<title>.+)$", history_views.diff, name="diff"),
    re_path(r"^revert/(?P<title>.+)$", history_views.revert, name="revert"),
    re_path(
        r"^attribution/(?P<title>.+)$", history_views.attribution_edit, name="attribution-edit"
    ),
    path("recent-changes", history_views.recent_changes, name="recent-changes"),
    path("audit", history_views.audit_log, name="audit-log"),
    path("recent-changes.atom", history_views.RecentChangesFeed(), name="recent-changes-feed"),
]
