from django.urls import path

from tribune.newsroom import views

app_name = "newsroom"
urlpatterns = [
    path("", views.manuscript_list, name="list"),
    path("new/", views.manuscript_create, name="create"),
    path("<int:pk>/", views.manuscript_detail, name="manuscript"),
]
