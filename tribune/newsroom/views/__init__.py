"""Newsroom pages, by area: lists and reading (`pages`), writing (`writing`), and the steps of
the pipeline after writing (`pipeline`)."""

from tribune.newsroom.views.pages import (
    attachment_download,
    manuscript_detail,
    manuscript_diff,
    manuscript_export,
    manuscript_list,
)
from tribune.newsroom.views.pipeline import (
    instruction_record,
    manuscript_review,
    manuscript_submit_to_outlets,
    metrics_record,
    publication_correct,
    publication_record,
    publication_withdraw,
    reprint_record,
)
from tribune.newsroom.views.writing import (
    attachment_add,
    attachment_remove,
    manuscript_create,
    manuscript_edit,
    manuscript_import_docx,
    manuscript_submit_for_review,
)

__all__ = [
    "attachment_add", "attachment_download", "attachment_remove", "instruction_record", "manuscript_create",
    "manuscript_detail", "manuscript_diff", "manuscript_edit", "manuscript_export", "manuscript_import_docx",
    "manuscript_list", "manuscript_review", "manuscript_submit_for_review", "manuscript_submit_to_outlets",
    "metrics_record", "publication_correct", "publication_record", "publication_withdraw", "reprint_record",
]
