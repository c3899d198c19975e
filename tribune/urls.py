from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("manuscripts/", include("tribune.newsroom.urls")),
    path("outlets/", include("tribune.outlets.urls")),
    path("org/", include("tribune.org.urls")),
    path("planning/", include("tribune.planning.urls")),
    path("deputies/", include("tribune.deputies.urls")),
    path("assessment/", include("tribune.assessment.urls")),
    path("", include("tribune.web.urls")),
]

handler400 = "tribune.web.views.bad_request"
handler403 = "tribune.web.views.permission_denied"
handler404 = "tribune.web.views.page_not_found"
handler500 = "tribune.web.views.server_error"
