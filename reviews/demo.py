"""Demo reviews: every review the council papers (seeds 000–003) name, in their own words.

Where a paper gives no stage or period, the demo says as little as it can: reviews in progress
in 2002/03 are at the challenge stage, and the 2003/04 programme approved by Cabinet on
2 April 2003 is proposed. Reviews carried over from 2002/03 are one review each, planned
from April 2002 to March 2004, so they show in both years' programmes.
"""

from datetime import date, datetime, time

from django.utils import timezone

from core.periods import Period
from organisation.models import Directorate, Person
from reviews.models import (
    Deferral,
    InspectionOffer,
    Outcome,
    ProgressUpdate,
    Recommendation,
    Review,
    Stage,
    StageChange,
    WardScope,
)

NO_OFFER, ON_COMPLETION, DELAYED = (
    InspectionOffer.NONE,
    InspectionOffer.ON_COMPLETION,
    InspectionOffer.DELAYED,
)
CARRIED_OVER = "April 2002 – March 2004"

# Seed 001, column (1): "Best Value Reviews in progress 2002/03".
# (title, responsible director, planned period, inspection offer)
IN_PROGRESS_2002 = [
    ("City Leisure and Sports Development", "Jill Baker", "April 2002 – March 2003", NO_OFFER),
    ("Community Engagement", "Anne Williams", "April 2002 – March 2003", NO_OFFER),
    ("Home to School/CSSD Transport", "Jill Baker", "April 2002 – March 2003", NO_OFFER),
    ("Development Planning", "Malcolm Sykes", "April 2002 – March 2003", NO_OFFER),
    ("Procurement", "Martin Smith", "April 2002 – March 2003", NO_OFFER),
    ("Bereavement Services", "Bruce Jassi", CARRIED_OVER, ON_COMPLETION),
    ("Residential Care for Children", "Anne Williams", CARRIED_OVER, NO_OFFER),
    ("Tenant participation", "John Townsend", "April 2002 – March 2003", NO_OFFER),
    ("Grounds Maintenance", "Bruce Jassi", CARRIED_OVER, DELAYED),
    ("Supported Tenancies/Day Care", "Anne Williams", "April 2002 – March 2003", NO_OFFER),
    ("Economic Development", "Charles Green", "April 2002 – March 2003", NO_OFFER),
]

# Seed 001, column (2): "Best Value Review Programme 2003/04".
PROGRAMME_2003 = [
    ("Construction Design", "Malcolm Sykes", "April 2003 – March 2004", ON_COMPLETION),
    ("Social Work Assessments for Children", "Anne Williams", None, NO_OFFER),
    ("Inspection and Advisory Service", "Jill Baker", None, NO_OFFER),
    (
        "Registration of Births, Deaths & Marriages",
        "Alan Westwood",
        "Sept 2003 – March 2004",
        NO_OFFER,
    ),
    ("Lifelong Learning", "Jill Baker", "Dec 2003 – June 2004", ON_COMPLETION),
    ("Youth Service", "Jill Baker", "April – Oct 2003", NO_OFFER),
    ("ALMO Support Services", "John Townsend", None, NO_OFFER),
]

# Seed 000: the CDMT Board of January 2004 (last Thursday) and its table of progress.
BOARD_DATE = date(2004, 1, 29)
REVIEW_OFFICER = "Wes Cuell"

# (title, responsible director, stage, planned period, lead officer, progress)
BOARD_REVIEWS = [
    (
        "Engineering & Transportation",
        "Bruce Jassi",
        Stage.DEFERRED,
        "July 2004",
        REVIEW_OFFICER,
        "Completion of the review has been deferred for six months (until July 2004) due to "
        "recruitment difficulties. Scrutiny Panel to receive an update on the latest "
        "recruitment position in April 2004.",
    ),
    (
        "Housing Strategy & Private Sector",
        "John Townsend",
        Stage.CHALLENGE,
        "April 2003 – April 2004",
        None,
        "The review team expect to complete the review in April. (An interim report on "
        "progress is attached to this agenda)",
    ),
    (
        "Children's services for 0-10 year olds",
        "Anne Williams",
        Stage.OPTIONS,
        None,
        REVIEW_OFFICER,
        "The Vision report was approved by CDMT Board and the Children's Strategic Partnership "
        "Board in September. It was agreed that the Improvement Plan will be integrated with "
        "the work on the issues identified in the Green Paper, and other initiatives such as "
        "Identification Referral and Tracking, Children's centres, Extended Schools and "
        "recommendations from the Lord Laming Inquiry into the death of Victoria Climbié.",
    ),
    (
        "Sports and Leisure",
        "Jill Baker",
        Stage.OPTIONS,
        None,
        None,
        "The final report, the Options Analysis and Improvement Plan, was presented to the "
        "CDMT Board this month. A number of points need to be addressed before the report "
        "proceeds to the Scrutiny Panel (see item 6. below).",
    ),
    (
        "Community Development",
        "Anne Williams",
        Stage.VISION,
        None,
        None,
        "Second draft presented to CDMT at this meeting (attached to this agenda also). If the "
        "Vision report is accepted by the Scrutiny Panel, then the review team will present "
        "the final report, the Options Analysis and Improvement Plan, to the CDMT Board in "
        "February.",
    ),
    (
        "Children's Services for 11-17 year olds",
        "Anne Williams",
        Stage.IMPLEMENTATION,
        None,
        REVIEW_OFFICER,
        "The block purchase of foster care placements is showing good progress, and an "
        "invest-to-save proposal has been made to facilitate this. A multi-agency planning "
        "group has been set up to make better use of resources for children in care. Work on "
        "Luton Futures (in-borough provision for children in care) is on target.",
    ),
]

# Seed 002: the Community Development Vision report's additional potential outcomes. The
# paper prints two of them twice, once with a full stop and once without; each is kept once.
COMMUNITY_DEVELOPMENT_OUTCOMES = [
    (
        "1.1. Promoting Local Governance & Renewal",
        [
            "Increase in the awareness of local people and communities of what the Council is "
            "doing or planning to do.",
            "Greater partnership working and capacity building with local communities",
            "Increased levels and effectiveness of community participation in decision making "
            "locally and through the Local Strategic Partnership – Luton Forum",
            "Local people engaged more effectively in Area Committees",
            "Local people in targeted neighbourhoods have clear infrastructure for ongoing "
            "involvement in Neighbourhood Renewal.",
            "Improved Council co-ordination on key strategies relating to public engagement.",
            "Increase in satisfaction of local people and communities of the Council.",
        ],
    ),
    (
        "1.2. Enabling the Delivery of Better Services",
        [
            "At least 20 local people in each Area Committee area participating in developing "
            "local services and priorities.",
            "Integrated networks of local people and service providers - better understanding by "
            "local people and organisations of the opportunities and constraints facing the "
            "Council and its partners in service provision.",
            "Increase in the number of community centres managed by community organisations.",
        ],
    ),
    (
        "1.3. Promoting Greater Community Involvement & Cohesion",
        [
            "At least 20 local people in each Area Committee area feel they can influence "
            "decision affecting their local area.",
            "Local communities have clear infrastructure for ongoing involvement in and "
            "development of local projects and initiatives.",
            "Greater understanding, shared vision of and confidence in what is good practice on "
            "community cohesion within and across communities",
            "Evidence of practical targeted activities to promote cohesion.",
            "Increased % of local people who feel that their local area is a place where people "
            "from different backgrounds get on well together.",
        ],
    ),
    (
        "1.4. The Role of the CDU",
        [
            "An agreed strategy for Community Development across the Council.",
            "“Portfolio” responsibility for leading and delivering community development "
            "outcomes through key Council priorities and strategies; e.g. Local Strategic "
            "Partnership development, Community Plan, Community Cohesion, Neighbourhood Renewal",
            "Evidence of good practice developed for Members, Council Departments, community "
            "organisations.",
        ],
    ),
    (
        "1.5. Performance Management",
        [
            "Responsible for collating information required for Comprehensive Performance "
            "Assessment in response to the development of Local Performance Indicators for "
            "community development",
        ],
    ),
]

# Seed 003: the Best Value Review of Services to Children (0-9), paragraphs 3, 6, 10 and 12.
CHILDREN_0_9 = "Services to Children (0-9)"
CHILDREN_0_9_SCOPE = (
    "This review was carried out as a cross departmental review (Children's Social Services "
    "and Lifelong Learning, including Luton schools) but also involved Health Services agencies "
    "(Primary, Community and Acute Trusts), all other statutory agencies, and the voluntary "
    "sector. This very large scale piece of work was undertaken in recognition of the fact that "
    "services to children and families in the chosen age range (0-9) are divided between many "
    "different agencies, either as commissioners or providers, and no single agency can operate "
    "in isolation from the others."
)
CHILDREN_0_9_PARTNERS = (
    "Health Services agencies (Primary, Community and Acute Trusts), all other statutory "
    "agencies, and the voluntary sector"
)
CHILDREN_0_9_RECOMMENDATIONS = [
    (
        "a",
        "the development of a universally available and locally provided early "
        "intervention/family support services across the Borough to ensure that children's "
        "needs are identified and met at the earliest stage",
    ),
    (
        "b",
        "clearly identified referral routes between these early intervention services and the "
        "more specialist, higher level services",
    ),
    (
        "c",
        "arrangements to ensure that front line early intervention services have access to "
        "advice, support and consultation from specialist/expert teams",
    ),
    (
        "d",
        "a Borough wide service directory to provide information about services available and "
        "how these are accessed",
    ),
    (
        "e",
        "arrangements to share key service user data between agencies to support 'joined up' "
        "working",
    ),
    ("f", "arrangements to share information, ideas, good practice, etc, between agencies."),
]
CHILDREN_0_9_SUPERSEDED = (
    "Superseded by the restructuring of children's services after the Green Paper 'Every "
    "Child Matters': rather than proceeding to an Options and Improvement Plan in the usual "
    "way, the Vision Report would be accepted as an agreed basis on which to develop the "
    "thinking in the Borough about future organisational development. This commenced with "
    "work to plan the proposed 'Children and Learning Department' and is on going."
)
CHILDREN_0_9_PROGRESS = [
    (
        date(2003, 9, 9),
        "Completion of the Vision Report in September 2003: report to the Best Value Project "
        "Board, 9th September 2003.",
    ),
    (
        date(2004, 7, 1),
        "All the work that would normally be delivered through an Options and Improvement Plan "
        "is therefore underway, but because of the unusual circumstance arising from the timing "
        "of the Green paper, this work is not now specifically identified as being part of a "
        "Best Value Review.",
    ),
]


def load():
    people = {person.full_name: person for person in Person.objects.all()}
    for title, director, planned, offer in IN_PROGRESS_2002:
        _review(people, title, 2002, director, Stage.CHALLENGE, planned, inspection_offer=offer)
    for title, director, planned, offer in PROGRAMME_2003:
        _review(people, title, 2003, director, Stage.PROPOSED, planned, inspection_offer=offer)
    for title, director, stage, planned, lead, progress in BOARD_REVIEWS:
        review = _review(people, title, 2003, director, stage, planned, lead_officer=lead)
        _progress(review, BOARD_DATE, progress)
    _defer_engineering()
    _community_development_outcomes()
    _children_0_9(people)


def _review(people, title, year, director, stage, planned, **fields):
    lead = fields.pop("lead_officer", None)
    review, _ = Review.objects.update_or_create(
        title=title,
        programme_year=year,
        defaults={
            "responsible_director": people[director],
            "lead_officer": people[lead] if lead else None,
            "stage": stage,
            **_period_columns("planned", Period.parse(planned) if planned else None),
            **fields,
        },
    )
    review.directorates.set([people[director].directorate])
    return review


def _progress(review, day, text):
    ProgressUpdate.objects.update_or_create(review=review, date=day, defaults={"text": text})


def _stage_change(review, from_stage, to_stage, day, note):
    StageChange.objects.update_or_create(
        review=review,
        to_stage=to_stage,
        changed_on=day,
        defaults={
            "from_stage": from_stage,
            "note": note,
            "changed_at": timezone.make_aware(datetime.combine(day, time(12))),
        },
    )


def _defer_engineering():
    review = Review.objects.get(title="Engineering & Transportation", programme_year=2003)
    reason = "Recruitment difficulties"
    old, new = Period.parse("January 2004"), Period.parse("July 2004")
    Deferral.objects.update_or_create(
        review=review,
        deferred_on=BOARD_DATE,
        defaults={
            "reason": reason,
            "agreed_by": "CDMT Board",
            **_period_columns("old_target", old),
            **_period_columns("new_target", new),
        },
    )
    _stage_change(review, Stage.CHALLENGE, Stage.DEFERRED, BOARD_DATE, reason)


def _period_columns(name, period):
    """The three columns of a period field (core/fields.py), for update_or_create."""
    return {
        f"{name}_start": period.start if period else None,
        f"{name}_end": period.end if period else None,
        f"{name}_precision": period.precision.value if period else "",
    }


def _community_development_outcomes():
    review = Review.objects.get(title="Community Development", programme_year=2003)
    order = 0
    for theme, outcomes in COMMUNITY_DEVELOPMENT_OUTCOMES:
        for text in outcomes:
            order += 1
            Outcome.objects.update_or_create(
                review=review, theme=theme, text=text, defaults={"order": order}
            )


def _children_0_9(people):
    review = _review(
        people,
        CHILDREN_0_9,
        2003,
        "Anne Williams",
        Stage.SUPERSEDED,
        None,
        lead_officer=REVIEW_OFFICER,
        scope=CHILDREN_0_9_SCOPE,
        partner_agencies=CHILDREN_0_9_PARTNERS,
        ward_scope=WardScope.ALL,
    )
    review.directorates.set(
        Directorate.objects.filter(
            name__in=["Housing and Social Services", "Education and Leisure"]
        )
    )
    for letter, text in CHILDREN_0_9_RECOMMENDATIONS:
        Recommendation.objects.update_or_create(
            review=review,
            letter=letter,
            defaults={"text": text, "status": Recommendation.Status.AGREED},
        )
    for day, text in CHILDREN_0_9_PROGRESS:
        _progress(review, day, text)
    _stage_change(review, Stage.VISION, Stage.SUPERSEDED, date(2004, 6, 1), CHILDREN_0_9_SUPERSEDED)
