"""Planning views, by area: calendar and topics, meetings and plans, activities and liaison,
the regular-meeting pack, the inbox."""
