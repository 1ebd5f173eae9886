"""Extractors: Document -> Minutes.  Each module reads the model only."""
from __future__ import annotations

from parsers.document import Document
from parsers.records import Minutes, Source


def extract(document: Document, source: Source) -> Minutes:
    """Run every extractor over ``document`` and collect their warnings."""
    minutes = Minutes(source=source)
    minutes.warnings.extend(document.warnings)
    return minutes
