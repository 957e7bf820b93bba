"""The parts of committee reports that come from inspections (assembled by committees)."""

from core.periods import FinancialYear
from inspections.models import OFFER_MARKERS, Inspection


def programme_entry(inspection):
    """An inspection as seed 001's columns print it: title and marker, (timing), director."""
    marker = inspection.offer_marker
    title = inspection.full_title + (f" {marker.symbol}" if marker else "")
    timing = f"({inspection.timing})" if inspection.timing else ""
    director = inspection.lead_director.full_name if inspection.lead_director else ""
    return "\n".join(part for part in (title, timing, director) if part)


def programme_columns(year: FinancialYear):
    """Seed 001 columns (3) and (4): inspections this year and next."""
    return [
        [programme_entry(inspection) for inspection in entries]
        for _, entries in Inspection.objects.two_year_programme(year)
    ]


def key():
    """What the markers mean, as the seed's key lists them."""
    return [f"{marker.symbol} {marker.key}" for marker in OFFER_MARKERS.values()]
