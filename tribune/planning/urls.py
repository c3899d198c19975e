from django.urls import path

from tribune.planning.views import activities, calendar, meetings, regular

app_name = "planning"
urlpatterns = [
    path("", calendar.calendar, name="calendar"),
    path("topics/propose/", calendar.topic_propose, name="topic_propose"),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/tasks/add/", meetings.task_add, name="task_add"),
    path("meetings/<int:pk>/key-points/", meetings.key_points, name="key_points"),
    path("meetings/<int:pk>/key-points/add/", meetings.key_point_add, name="key_point_add"),
    path("meetings/<int:pk>/key-points/draft/", meetings.key_points_draft, name="key_points_draft"),
    path("key-points/<int:pk>/hot/", meetings.key_point_hot, name="key_point_hot"),
    path("tasks/<int:pk>/", meetings.task_detail, name="task"),
    path("templates/", meetings.templates, name="templates"),
    path("templates/<int:pk>/", meetings.template_item_edit, name="template_item"),
    path("activities/", activities.activity_list, name="activities"),
    path("activities/new/", activities.activity_create, name="activity_create"),
    path("activities/<int:pk>/", activities.activity_detail, name="activity"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/tasks/add/", activities.activity_task_add, name="activity_task_add"),
    path("activities/<int:pk>/invite/", activities.invitation_add, name="invitation_add"),
    path("activities/<int:pk>/materials/", activities.material_add, name="material_add"),
    path("invitations/<int:pk>/attendance/", activities.invitation_attendance, name="invitation_attendance"),
    path("materials/<int:pk>/", activities.material_file, name="material"),
    path("liaison/", activities.liaison, name="liaison"),
    path("liaison/<int:pk>/", activities.contact_history, name="contact"),
    path("regular/", regular.regular_list, name="regular"),
    path("regular/<int:pk>/", regular.regular_meeting, name="regular_meeting"),
    path("regular/<int:pk>/actions/", regular.action_item_add, name="action_item_add"),
    path("regular/pack/", regular.pack, name="pack"),
    path("regular/pack.docx", regular.pack_docx, name="pack_docx"),
    path("actions/<int:pk>/done/", regular.action_item_done, name="action_item_done"),
]
