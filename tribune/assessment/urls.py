from django.urls import path

from tribune.assessment.views import home, metrics, reports

app_name = "assessment"
urlpatterns = [
    path("", home.home, name="home"),
    path("metrics/import/", metrics.upload, name="metrics_import"),
    path("metrics/import/<str:token>/", metrics.preview, name="metrics_preview"),
    path("notice/", reports.notice_latest, name="notice_latest"),
    path("notice/<int:year>-<int:month>/", reports.notice, name="notice"),
    path("notice/<int:year>-<int:month>/focus/", reports.notice_focus, name="notice_focus"),
    path("ranking/", reports.ranking_latest, name="ranking_latest"),
    path("ranking/<int:year>-Q<int:quarter>/", reports.ranking, name="ranking"),
    path("ledger/", reports.ledger, name="ledger"),
    path("awards/<int:year>/", reports.awards_page, name="awards"),
    # Scheme pages (assessment-engine helper): add their lines below this one.
]
