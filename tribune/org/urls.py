from django.urls import path

from tribune.org import views

app_name = "org"
urlpatterns = [
    path("", views.member_list, name="members"),
    path("members/new/", views.member_create, name="member_create"),
    path("members/<int:pk>/edit/", views.member_edit, name="member_edit"),
    path("members/<int:pk>/password/", views.member_password, name="member_password"),
    path("members/<int:pk>/deactivate/", views.member_deactivate, name="member_deactivate"),
    path("members/<int:pk>/activate/", views.member_activate, name="member_activate"),
    path("offices/", views.office_list, name="offices"),
    path("offices/new/", views.office_create, name="office_create"),
    path("offices/<int:pk>/edit/", views.office_edit, name="office_edit"),
    path("chain/", views.chain_edit, name="chain"),
]
