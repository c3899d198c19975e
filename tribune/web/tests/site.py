"""A small demo-like data set for the guard-rail tests, and the machinery that walks every URL
pattern of the project and fills its arguments with real objects.

New apps are covered without editing this file: their URL names are found in the resolver,
and an argument is filled from the model it names (`<int:meeting_pk>` → Meeting) or, for a bare
`pk`, from the model the URL name starts with (`meeting_edit` → Meeting) or the app's main model.
"""

from collections import deque
from dataclasses import dataclass

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from tribune.org.models import Congress

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def build_site(world) -> dict:
    """The world plus what makes every page have something to show: a published manuscript
    (first, so it is the one pages are opened with) with an attachment, metrics, a reprint and a
    second submission; a manuscript in review; a draft; a media contact; a topic."""
    from tribune.newsroom.services import publishing, reviewing, writing
    from tribune.newsroom.services.topics import topic_create
    from tribune.outlets.models import Outlet
    from tribune.outlets.services import contact_save

    hebei = Outlet.objects.get(congress=world.congress, name="河北日报")
    npc = Outlet.objects.get(congress=world.congress, name="中国人大网")
    published = writing.manuscript_create(member=world.writer, title="区人大常委会开展执法检查",
                                          body="近日，区人大常委会组织开展执法检查。\n检查组深入企业一线。")
    writing.attachment_add(member=world.writer, manuscript=published, caption="检查现场",
                           uploaded=SimpleUploadedFile("photo.png", PNG))
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=published, version=published.version)
    reviewing.manuscript_approve(member=world.leader, manuscript=published, version=published.version)
    reviewing.manuscript_approve(member=world.director, manuscript=published, version=published.version)
    publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=published,
                                            version=published.version, outlets=[hebei, npc])
    publication = publishing.publication_record(member=world.coordinator, submission=published.submissions.get(
        outlet=hebei), published_on=timezone.localdate(), title="藁城区人大开展执法检查", placement="front_page")
    publishing.metrics_record(member=world.coordinator, publication=publication, reads=1200, shares=30)
    publishing.reprint_record(member=world.coordinator, publication=publication, outlet_name="长城网",
                              level="provincial", reprinted_on=timezone.localdate())

    in_review = writing.manuscript_create(member=world.writer, title="代表联络站接待群众",
                                          body="代表联络站开展接待活动。")
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=in_review, version=in_review.version)
    draft = writing.manuscript_create(member=world.writer2, title="财经委调研", body="调研内容。")
    contact = contact_save(member=world.coordinator, name="李记者", outlet=hebei, phone="0311-1234567")
    contact_save(member=world.coordinator, name="王宣传", organisation="区委宣传部")
    topic = topic_create(member=world.coordinator, title="优化营商环境执法检查")
    site = {"published": published, "in_review": in_review, "draft": draft, "contact": contact, "topic": topic,
            "publication": publication}
    site.update(_planning(world, contact))
    site.update(_deputies(world, published))
    site.update(_assessment(world))
    return site


def _assessment(world) -> dict:
    from tribune.assessment.commissions import commission_create
    from tribune.assessment.scoring.schemes import scheme_create

    today = timezone.localdate()
    scheme = scheme_create(member=world.coordinator, congress=world.congress, year=today.year)
    commission = commission_create(member=world.coordinator, office=world.office, title="约稿：执法检查",
                                   due_date=today)
    return {"scheme": scheme, "commission": commission}


def _planning(world, contact) -> dict:
    from tribune.planning.services import activity_liaison, plans, regular_meetings

    today = timezone.localdate()
    meeting = plans.meeting_create(member=world.coordinator, kind="standing", title="第十八次常委会会议",
                                   start_date=today)
    plans.key_point_add(member=world.writer, meeting=meeting, text="会议听取了执法检查报告。")
    activity = activity_liaison.activity_create(member=world.coordinator, kind="inspection", title="视察营商环境",
                                                start_date=today)
    activity_liaison.invitation_add(member=world.coordinator, activity=activity, contact=contact)
    activity_liaison.material_add(member=world.writer, activity=activity, caption="视察现场",
                                  uploaded=SimpleUploadedFile("site.png", PNG))
    regular = regular_meetings.regular_meeting_record(member=world.coordinator, date=today)
    regular_meetings.action_item_add(member=world.coordinator, meeting=regular, text="报送会议稿件", owner=world.writer,
                                     due_date=today)
    return {"meeting": meeting, "activity": activity, "regular": regular}


def _deputies(world, manuscript) -> dict:
    # The deputies app's own test helpers know how to make a valid registry entry and story.
    from tribune.deputies.tests import helpers as deputies

    deputy = deputies.deputy(world)
    story = deputies.story(world, [deputy])
    return {"deputy": deputy, "story": story}


# --- Walking the URL patterns --------------------------------------------------------------

@dataclass
class Route:
    name: str            # "namespace:name"
    kwargs: dict         # argument name -> converter class name ("IntConverter", ...)
    callback: object

    @property
    def namespace(self) -> str:
        return self.name.split(":")[0] if ":" in self.name else ""

    @property
    def short_name(self) -> str:
        return self.name.split(":")[-1]


def routes() -> list[Route]:
    found: dict[str, Route] = {}

    def walk(patterns, namespace, converters):
        for p in patterns:
            conv = dict(converters)
            conv.update({k: type(v).__name__ for k, v in getattr(p.pattern, "converters", {}).items()})
            if isinstance(p, URLResolver):
                ns = namespace
                if p.namespace:
                    ns = f"{namespace}{p.namespace}:"
                walk(p.url_patterns, ns, conv)
            elif isinstance(p, URLPattern) and p.name:
                name = namespace + p.name
                found.setdefault(name, Route(name, conv, p.callback))

    walk(get_resolver().url_patterns, "", {})
    return sorted(found.values(), key=lambda r: r.name)


def url_names() -> set[str]:
    return {r.name for r in routes()}


# --- Filling arguments with real objects ---------------------------------------------------

# Where the name alone is not enough. Keep short: the rules below cover most patterns.
PK_MODELS = {
    "newsroom": "newsroom.Manuscript",
    "newsroom:topic": "newsroom.Topic",
    "planning:contact": "outlets.MediaContact",
    "planning:task": "planning.CoverageTask",
    "planning:task_add": "planning.Meeting",
    "planning:key_points": "planning.Meeting",
    "planning:key_point_add": "planning.Meeting",
    "planning:key_points_draft": "planning.Meeting",
    "planning:activity_task_add": "planning.Activity",
    "planning:invitation_add": "planning.Activity",
    "planning:material_add": "planning.Activity",
    "planning:action_item_add": "planning.RegularMeeting",
    "deputies": "deputies.Deputy",
    **{f"deputies:{name}": "deputies.DeputyStory" for name in (
        "story", "story_edit", "story_link", "story_unlink", "story_interview", "story_typical", "story_untypical",
        "story_publication", "story_reprint")},
    "outlets": "outlets.Outlet",
    "outlets:contact_edit": "outlets.MediaContact",
    "org": "org.Member",
    "org:office_edit": "org.Office",
}


def _model_named(name: str, app_label: str | None = None):
    name = name.replace("_", "").lower()
    candidates = [m for m in apps.get_models() if m._meta.model_name == name]
    if app_label:
        candidates = [m for m in candidates if m._meta.app_label == app_label] or candidates
    if len(candidates) == 1 or (candidates and app_label):
        return candidates[0]
    return None


def model_for(route: Route, kwarg: str):
    if kwarg == "pk":
        label = PK_MODELS.get(route.name) or PK_MODELS.get(route.namespace)
        if label:
            return apps.get_model(label)
        # meeting_edit → Meeting, coverage_task → CoverageTask …
        parts = route.short_name.split("_")
        for n in range(len(parts), 0, -1):
            model = _model_named("".join(parts[:n]), route.namespace)
            if model is not None:
                return model
        return None
    for suffix in ("_pk", "_id"):
        if kwarg.endswith(suffix):
            return _model_named(kwarg[: -len(suffix)], route.namespace)
    return None


def _path(model, target, max_depth=4) -> str | None:
    """The lookup from `model` to `target` through foreign keys, e.g.
    Publication → "submission__manuscript"; "" when model is target; None when there is none."""
    queue = deque([(model, "")])
    seen = {model}
    while queue:
        current, path = queue.popleft()
        if current is target:
            return path
        if path.count("__") + 1 > max_depth:
            continue
        for field in current._meta.get_fields():
            if isinstance(field, models.ForeignKey | models.OneToOneField) and field.concrete:
                nxt = field.related_model
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append((nxt, f"{path}__{field.name}" if path else field.name))
    return None


# Arguments that are values, not objects: a report's period is the current one.
PLAIN_KWARGS = {"year", "month", "quarter", "version"}


def fill_kwargs(route: Route, congress) -> tuple[dict | None, str]:
    """Arguments for the route from real objects of `congress`, consistent with one another
    (the attachment belongs to the manuscript); (None, reason) when it cannot be done."""
    if not route.kwargs:
        return {}, ""
    today = timezone.localdate()
    plain = {"year": today.year, "month": today.month, "quarter": (today.month - 1) // 3 + 1, "version": 1}
    wanted, values, chosen = {}, {}, []
    for kwarg, converter in route.kwargs.items():
        if kwarg in plain and converter == "IntConverter":
            values[kwarg] = plain[kwarg]
            continue
        if converter != "IntConverter":
            return None, f"argument {kwarg} is not an integer"
        model = model_for(route, kwarg)
        if model is None:
            return None, f"no model found for argument {kwarg}"
        wanted[kwarg] = model
    # The most specific object first (a publication before its manuscript), then its parents.
    order = sorted(wanted, key=lambda k: k == "pk")
    for kwarg in order:
        model = wanted[kwarg]
        obj = None
        for parent in chosen:  # derive from an object already chosen
            path = _path(type(parent), model)
            if path:
                obj = parent
                for step in path.split("__"):
                    obj = getattr(obj, step)
                break
        if obj is None:
            to_congress = _path(model, Congress)
            if to_congress is None:
                return None, f"{model.__name__} has no path to a congress"
            lookup = "pk" if to_congress == "" else f"{to_congress}"
            obj = model.objects.filter(**{lookup: congress}).order_by("pk").first()
            if obj is None:
                return None, f"no {model.__name__} in the data set"
        chosen.append(obj)
        values[kwarg] = obj.pk
    return values, ""
