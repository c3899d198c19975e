from django.urls import path

from tribune.newsroom import views
from tribune.newsroom.views import topics

app_name = "newsroom"
urlpatterns = [
    path("", views.manuscript_list, name="list"),
    path("new/", views.manuscript_create, name="create"),
    path("import/", views.manuscript_import_docx, name="import"),
    path("topics/", topics.topic_list, name="topics"),
    path("topics/<int:pk>/", topics.topic_detail, name="topic"),
    path("<int:pk>/", views.manuscript_detail, name="manuscript"),
    path("<int:pk>/edit/", views.manuscript_edit, name="edit"),
    path("<int:pk>/submit/", views.manuscript_submit_for_review, name="submit_for_review"),
    path("<int:pk>/review/", views.manuscript_review, name="review"),
    path("<int:pk>/outlets/", views.manuscript_submit_to_outlets, name="submit_to_outlets"),
    path("<int:pk>/diff/", views.manuscript_diff, name="diff"),
    path("<int:pk>/export.docx", views.manuscript_export, name="export"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("<int:pk>/attachments/<int:attachment_pk>/remove/", views.attachment_remove, name="attachment_remove"),
    path("<int:pk>/instructions/", views.instruction_record, name="instruction"),
    path("<int:pk>/submissions/<int:submission_pk>/publication/", views.publication_record, name="publication"),
    path("<int:pk>/publications/<int:publication_pk>/correct/", views.publication_correct, name="correct"),
    path("<int:pk>/publications/<int:publication_pk>/withdraw/", views.publication_withdraw, name="withdraw"),
    path("<int:pk>/publications/<int:publication_pk>/metrics/", views.metrics_record, name="metrics"),
    path("<int:pk>/publications/<int:publication_pk>/reprints/", views.reprint_record, name="reprint"),
]
