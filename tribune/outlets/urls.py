from django.urls import path

from tribune.outlets import views

app_name = "outlets"
urlpatterns = [
    path("", views.outlet_list, name="list"),
    path("new/", views.outlet_create, name="create"),
    path("catalogue/", views.catalogue_reload, name="catalogue"),
    path("<int:pk>/edit/", views.outlet_edit, name="edit"),
    path("<int:pk>/deactivate/", views.outlet_deactivate, name="deactivate"),
    path("<int:pk>/activate/", views.outlet_activate, name="activate"),
    path("contacts/", views.contact_list, name="contacts"),
    path("contacts/new/", views.contact_create, name="contact_create"),
    path("contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
]
