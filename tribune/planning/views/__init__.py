"""Planning views, by area: the calendar (and proposing a topic for what it shows), meetings and
plans, activities and liaison, the regular-meeting pack."""
