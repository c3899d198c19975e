"""The facts the engine scores, as plain frozen data classes (`scoring/loading.py` fills them
from the database; tests build them by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Author:
    member_id: int
    name: str
    position: int
    share: Decimal = Decimal("100")


@dataclass(frozen=True)
class Manuscript:
    id: int
    office_id: int
    title: str
    length: int = 0
    authors: tuple[Author, ...] = ()


@dataclass(frozen=True)
class Office:
    id: int
    name: str
    minimum_monthly: int = 0


@dataclass(frozen=True)
class Submission:
    id: int
    manuscript_id: int
    outlet_name: str
    outlet_level: str
    outlet_kind: str
    submitted_on: date


@dataclass(frozen=True)
class Publication:
    id: int
    submission_id: int
    manuscript_id: int
    outlet_name: str
    outlet_level: str
    outlet_kind: str
    published_on: date
    title: str = ""
    placement: str = ""
    combined: bool = False
    withdrawn_on: date | None = None
    withdrawn_for_error: bool = False


@dataclass(frozen=True)
class Metric:
    id: int
    publication_id: int
    taken_on: date
    reads: int = 0
    shares: int = 0


@dataclass(frozen=True)
class Reprint:
    id: int
    publication_id: int
    outlet_name: str
    level: str
    reprinted_on: date


@dataclass(frozen=True)
class JointReport:
    id: int
    manuscript_id: int
    outlet_name: str
    recorded_on: date


@dataclass(frozen=True)
class Instruction:
    id: int
    manuscript_id: int
    leader_name: str
    level: str
    given_on: date


@dataclass(frozen=True)
class Commission:
    id: int
    office_id: int
    title: str
    due_date: date
    delivered_on: date | None = None


@dataclass(frozen=True)
class Facts:
    """Everything that happened in one congress that the scheme may score, for one year.
    `as_of` is the day of computation: a month counts for the monthly minimum only once it is
    over, a commissioned piece is missed only once its due date has passed."""

    year: int
    as_of: date
    offices: tuple[Office, ...] = ()
    manuscripts: tuple[Manuscript, ...] = ()
    submissions: tuple[Submission, ...] = ()
    publications: tuple[Publication, ...] = ()
    metrics: tuple[Metric, ...] = ()
    reprints: tuple[Reprint, ...] = ()
    joint_reports: tuple[JointReport, ...] = ()
    instructions: tuple[Instruction, ...] = ()
    commissions: tuple[Commission, ...] = ()
