"""Small builders for extraction tests: an Article from plain strings."""
from __future__ import annotations

from transforms.model import Article, Paragraph


def article(*paragraphs: str, title: str | None = None, headlines: tuple[str, ...] = ()) -> Article:
    return Article(title, tuple(Paragraph(i, 0, p) for i, p in enumerate(paragraphs)), headlines)
