from django.urls import path

from tribune.org import inbox_views, security_views, views

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
    path("inbox/", inbox_views.inbox, name="inbox"),
    path("inbox/read/", inbox_views.inbox_read, name="inbox_read"),
    # Security (三员分立): own password, the security administrator's page, role changes.
    path("password/", security_views.password_change, name="password_change"),
    path("security/", security_views.security_home, name="security"),
    path("security/unlock/<int:pk>/", security_views.security_unlock, name="security_unlock"),
    path("role-requests/", security_views.role_requests, name="role_requests"),
    path("role-requests/<int:pk>/confirm/", security_views.role_request_confirm, name="role_request_confirm"),
    path("role-requests/<int:pk>/reject/", security_views.role_request_reject, name="role_request_reject"),
]
