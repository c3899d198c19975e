"""Months and quarters as values: parsing '2026-10' and '2026-Q3', their first and last days."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        found = re.fullmatch(r"(\d{4})-(\d{1,2})", (text or "").strip())
        if not found:
            raise ValueError(text)
        return cls.of_numbers(int(found.group(1)), int(found.group(2)))

    @classmethod
    def of_numbers(cls, year: int, month: int) -> Month:
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise ValueError(f"{year}-{month}")
        return cls(year, month)

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def year_first(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"


def previous_month(month: Month) -> Month:
    return Month(month.year - 1, 12) if month.month == 1 else Month(month.year, month.month - 1)


def next_month(month: Month) -> Month:
    return Month(month.year + 1, 1) if month.month == 12 else Month(month.year, month.month + 1)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        found = re.fullmatch(r"(\d{4})-?[Qq]([1-4])", (text or "").strip())
        if not found:
            raise ValueError(text)
        return cls.of_numbers(int(found.group(1)), int(found.group(2)))

    @classmethod
    def of_numbers(cls, year: int, quarter: int) -> Quarter:
        if not (2000 <= year <= 2100 and 1 <= quarter <= 4):
            raise ValueError(f"{year}-Q{quarter}")
        return cls(year, quarter)

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, 3 * self.quarter - 2, 1)

    @property
    def last(self) -> dt.date:
        return Month(self.year, 3 * self.quarter).last

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @property
    def label(self) -> str:
        return f"{self.year}年第{'一二三四'[self.quarter - 1]}季度"


def competition_ranks(values: list) -> list[int]:
    """Ranks of `values` (higher is better), equal values sharing a rank: 10, 8, 8, 5 → 1, 2, 2, 4."""
    order = sorted(range(len(values)), key=lambda i: values[i], reverse=True)
    ranks = [0] * len(values)
    for position, index in enumerate(order):
        if position and values[index] == values[order[position - 1]]:
            ranks[index] = ranks[order[position - 1]]
        else:
            ranks[index] = position + 1
    return ranks
