"""The engine: runs every facet over a parsed article, in order, and builds its ``Analysis``.

The store, the command line and the dashboard call it; nothing it calls imports it back.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from analysis import actors, alignment, procurement, stance, timeline
from analysis.model import Analysis, Article, reading_text


def analyse_doc(doc: Doc, article: Article) -> Analysis:
    """Run every domain analysis over a parsed article."""
    try:
        resolved = actors.resolve(doc, article)
        dates = timeline.find_dates(doc, published=article.published)
        events = timeline.build_events(doc, dates, resolved)
        transfers = procurement.extract(doc, resolved, dates, article.title or "")
        deals = [t for t in transfers if t.status != procurement.REFUSED]
        cues = stance.extract(doc, resolved, transfers)
        signals = alignment.extract(doc, resolved, dates, transfers, cues)
    finally:
        # The caches refer back to the Doc; a Doc is not collected through such cycles.
        for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("am_")]:
            del doc.user_data[key]
    return Analysis(
        article=article,
        actors=resolved.actor_rows(),
        entities=resolved.entity_rows(),
        events=events,
        procurements=deals,
        stance_cues=cues,
        alignment=signals,
    )


def analyse(nlp: Language, article: Article) -> Analysis:
    """Parse and analyse one article."""
    return analyse_doc(nlp(reading_text(article.text)), article)
