from django.urls import path

from tribune.assessment.views import commissions, home, metrics, reports, scheme

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
    path("scheme/", scheme.overview, name="scheme"),
    path("scheme/new/", scheme.create, name="scheme_create"),
    path("scheme/<int:year>/", scheme.detail, name="scheme_year"),
    path("scheme/<int:year>/edit/", scheme.edit, name="scheme_edit"),
    path("scheme/<int:year>/import/", scheme.import_file, name="scheme_import"),
    path("scheme/<int:year>/export/", scheme.export, name="scheme_export"),
    path("scheme/<int:year>/history/", scheme.history, name="scheme_history"),
    path("scheme/<int:year>/history/<int:version>/", scheme.version, name="scheme_version"),
    path("commissions/", commissions.commission_list, name="commissions"),
    path("commissions/add/", commissions.commission_add, name="commission_add"),
    path("commissions/<int:pk>/delivered/", commissions.commission_delivered, name="commission_delivered"),
]
