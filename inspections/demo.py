"""Demo inspections: seed 001's programme of inspections for 2003/04 and 2004/05, and seed
000's interim inspection of the Housing Strategy & Private Sector review.

Reviews are looked up by title and linked when they are there, so this loader can run before
or after the reviews' own; running it again after them adds the links. The markers of seed
001 come from those reviews' inspection offers.
"""

from dataclasses import dataclass
from datetime import date

from core.periods import Period
from inspections.models import Inspection, InspectionRecommendation, Inspectorate
from organisation.models import Person
from reviews.models import Review

INSPECTORATES = [
    ("Audit Commission", ""),
    ("Housing Inspectorate", ""),
    ("Social Services Inspectorate", "SSI"),
    ("Office for Standards in Education", "OfSTED"),
    ("Her Majesty's Inspectorate of Constabulary", "HMIC"),
    ("Benefit Fraud Inspectorate", "BFI"),
    ("Improvement and Development Agency (peer review)", "IDeA"),
]

Kind, Status = Inspection.Kind, Inspection.Status


@dataclass
class Entry:
    title: str
    year: int
    director: str
    timing: str = ""  # as seed 001 spells it
    note: str = ""
    kind: str = Kind.SERVICE
    inspectorate: str = ""
    status: str = Status.PROPOSED
    review: str = ""
    is_possible: bool = False
    joint_partner: str = ""
    notes: str = ""


def offered(review, director):
    """A Best Value review offered for inspection in 2004/05, which seed 001 lists under the
    review's own title."""
    return Entry(review, 2004, director, kind=Kind.BEST_VALUE, status=Status.OFFERED, review=review)


INSPECTIONS = [
    # Inspections 2003/04
    Entry(
        "Peer Review",
        2003,
        "Martin Smith",
        "March/April 2003",
        kind=Kind.PEER_REVIEW,
        inspectorate="IDeA",
        status=Status.CONFIRMED,
    ),
    Entry("Children's Fund", 2003, "Anne Williams", "March, 2003", status=Status.CONFIRMED),
    Entry("Best Value Process", 2003, "Martin Smith", "4th April 2003", status=Status.CONFIRMED),
    Entry(
        "(i) Performance management – QPE Meetings",
        2003,
        "Martin Smith",
        "April-June, 2003",
        kind=Kind.CORPORATE,
        status=Status.CONFIRMED,
    ),
    Entry(
        "(ii) Corporate Direction – policy into practice, street scene services, other tracers",
        2003,
        "John Willis",
        "July-September, 2003",
        kind=Kind.CORPORATE,
        status=Status.CONFIRMED,
    ),
    Entry(
        "Culture, Arts & Heritage", 2003, "Jill Baker", "May – Dec 2003", status=Status.CONFIRMED
    ),
    Entry(
        "Housing – DA 6 Month report", 2003, "Bob Osborne", "July, 2003", status=Status.CONFIRMED
    ),
    Entry(
        "Community Engagement",
        2003,
        "Anne Williams",
        "July-September, 2003",
        status=Status.CONFIRMED,
    ),
    Entry("Planning", 2003, "Malcolm Sykes", "Summer, 2003", status=Status.CONFIRMED),
    Entry(
        "OfSTED",
        2003,
        "Jill Baker",
        "September, 2003",
        inspectorate="OfSTED",
        status=Status.CONFIRMED,
    ),
    Entry(
        "Housing re-inspection",
        2003,
        "John Townsend",
        "December, 2003",
        kind=Kind.REINSPECTION,
        inspectorate="Housing Inspectorate",
        status=Status.COMPLETE,
    ),
    # Seed 000, 7.1: "… this review, which has recently had an interim inspection from the
    # Housing Inspectorate." Its lead director is the review's responsible director.
    Entry(
        "Housing Strategy & Private Sector",
        2003,
        "",
        note="interim inspection",
        kind=Kind.STAGED,
        inspectorate="Housing Inspectorate",
        status=Status.REPORT_AWAITED,
        review="Housing Strategy & Private Sector",
        notes="Reported to the CDMT Board in January 2004: the review has recently had an "
        "interim inspection from the Housing Inspectorate. A financial appraisal compared "
        "to other authorities is being carried out, and customer testing will be completed "
        "soon. The full report should be available by April 2004.",
    ),
    # Inspections 2004/05
    Entry(
        "ALMO Inspection",
        2004,
        "John Townsend",
        "July, 2004",
        inspectorate="Housing Inspectorate",
    ),
    Entry("SSI Adults", 2004, "Anne Williams", "Autumn, 2004", inspectorate="SSI"),
    Entry(
        "Leisure",
        2004,
        "Jill Baker",
        note="possible re-inspection",
        kind=Kind.REINSPECTION,
        is_possible=True,
    ),
    Entry(
        "Culture, Arts & Heritage", 2004, "Jill Baker", note="Staged inspection", kind=Kind.STAGED
    ),
    Entry("SSI Children", 2004, "Anne Williams", "2005", inspectorate="SSI"),
    offered("Grounds Maintenance", "Bruce Jassi"),
    Entry("Supporting People", 2004, "Anne Williams"),
    Entry(
        "Youth Service",
        2004,
        "Jill Baker",
        note="possible staged inspection",
        kind=Kind.STAGED,
        is_possible=True,
        review="Youth Service",
    ),
    offered("Construction Design", "Malcolm Sykes"),
    Entry("Registration of Births, Deaths & Marriages", 2004, "Alan Westwood"),
    Entry("YOT Inspection", 2004, "Anne Williams"),
    Entry("Basic Command Unit Inspection", 2004, "Charles Green", inspectorate="HMIC"),
    Entry(
        "HMRF",
        2004,
        "Charles Green",
        note="ongoing preparatory work",
        kind=Kind.JOINT,
        joint_partner="Manchester",
    ),
    offered("Bereavement Services", "Bruce Jassi"),
    offered("Lifelong Learning", "Jill Baker"),
    Entry("CPA Refresh", 2004, "John Willis", kind=Kind.CORPORATE, inspectorate="Audit Commission"),
]

# The seeds give no judgement, so this one is illustrative: it lets the judgement pages show
# real content.
JUDGEMENT = {
    "title": "Housing re-inspection",
    "year": 2003,
    "score": Inspection.Score.FAIR,
    "prospects": Inspection.Prospects.PROMISING,
    "report_date": date(2004, 2, 20),
    "recommendations": [
        (
            "Agree local standards for the repairs service with tenants, publish them and "
            "report performance against them every quarter.",
            InspectionRecommendation.Priority.HIGH,
        ),
        (
            "Complete the stock condition survey and use it to cost the programme for meeting "
            "the Decent Homes Standard by 2010.",
            InspectionRecommendation.Priority.HIGH,
        ),
        (
            "Contact tenants early when they fall into rent arrears, and report arrears by "
            "estate to the tenants' panel.",
            InspectionRecommendation.Priority.MEDIUM,
        ),
    ],
}


def load():
    inspectorates = {}
    for name, abbreviation in INSPECTORATES:
        inspectorate, _ = Inspectorate.objects.update_or_create(
            name=name, defaults={"abbreviation": abbreviation}
        )
        inspectorates[abbreviation or name] = inspectorate
    directors = {person.full_name: person for person in Person.objects.all()}
    for entry in INSPECTIONS:
        defaults = {
            "kind": entry.kind,
            "inspectorate": inspectorates.get(entry.inspectorate),
            "lead_director": directors.get(entry.director),
            "timing": Period.parse(entry.timing) if entry.timing else None,
            "timing_note": entry.note,
            "status": entry.status,
            "is_possible": entry.is_possible,
            "joint_partner": entry.joint_partner,
            "notes": entry.notes,
        }
        review = (
            Review.objects.filter(title=entry.review).order_by("-programme_year").first()
            if entry.review
            else None
        )
        if review is not None:
            defaults["review"] = review
            defaults["lead_director"] = defaults["lead_director"] or review.responsible_director
        # Not update_or_create: `timing` is a Period spread over three columns, which only
        # attribute assignment understands.
        inspection = Inspection.objects.filter(
            title=entry.title, programme_year=entry.year
        ).first() or Inspection(title=entry.title, programme_year=entry.year)
        for name, value in defaults.items():
            setattr(inspection, name, value)
        inspection.save()
    _load_judgement()


def _load_judgement():
    inspection = Inspection.objects.get(title=JUDGEMENT["title"], programme_year=JUDGEMENT["year"])
    inspection.score = JUDGEMENT["score"]
    inspection.prospects = JUDGEMENT["prospects"]
    inspection.report_date = JUDGEMENT["report_date"]
    inspection.save()
    for number, (text, priority) in enumerate(JUDGEMENT["recommendations"], start=1):
        InspectionRecommendation.objects.update_or_create(
            inspection=inspection, number=number, defaults={"text": text, "priority": priority}
        )
