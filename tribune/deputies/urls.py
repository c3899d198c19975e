from django.urls import path

from tribune.deputies import views

app_name = "deputies"
urlpatterns = [
    path("", views.home, name="home"),
    path("registry/", views.deputy_list, name="list"),
    path("registry/new/", views.deputy_create, name="create"),
    path("registry/import/", views.deputy_import, name="import"),
    path("registry/import/confirm/", views.deputy_import_confirm, name="import_confirm"),
    path("registry/import/template.xlsx", views.deputy_import_template, name="import_template"),
    path("registry/export.xlsx", views.deputy_export, name="export"),
    path("registry/<int:pk>/", views.deputy_detail, name="deputy"),
    path("registry/<int:pk>/edit/", views.deputy_edit, name="deputy_edit"),
    path("registry/<int:pk>/reveal/", views.deputy_reveal, name="reveal"),
    path("stories/", views.story_list, name="stories"),
    path("stories/new/", views.story_create, name="story_create"),
    path("stories/<int:pk>/", views.story_detail, name="story"),
    path("stories/<int:pk>/edit/", views.story_edit, name="story_edit"),
    path("stories/<int:pk>/link/", views.story_link, name="story_link"),
    path("stories/<int:pk>/unlink/", views.story_unlink, name="story_unlink"),
    path("stories/<int:pk>/interview/", views.story_interview, name="story_interview"),
    path("stories/<int:pk>/typical/", views.story_typical, name="story_typical"),
    path("stories/<int:pk>/untypical/", views.story_untypical, name="story_untypical"),
    path("stories/<int:pk>/publication/", views.story_publication, name="story_publication"),
    path("stories/<int:pk>/reprint/", views.story_reprint, name="story_reprint"),
    path("coverage/", views.coverage_page, name="coverage"),
    path("typical/", views.typical_cases, name="typical"),
    path("typical/export.xlsx", views.typical_cases_export, name="typical_export"),
]
