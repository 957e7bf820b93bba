"""Demo committees, meetings and minutes from the council papers (seeds 000–004), and the
next meetings of each committee with a rule, scheduled from the day the demo is loaded.

Minute items and requests link to reviews by title when the reviews' demo data is loaded,
and are left unlinked when it is not, so this loader works with or without it.
"""

from datetime import date

from committees import services
from committees.models import BoardRequest, Committee, Meeting, MinuteItem
from organisation.models import Person
from reviews.models import Review

BOARD = "CDMT Improvement and Procurement Board"
BEST_VALUE_PANEL = "Best Value Scrutiny Panel"
CHILDRENS_PANEL = "Children's Services Scrutiny Panel"
CABINET = "Cabinet"
INFRASTRUCTURE = "Infrastructure Overview & Scrutiny Committee"

# (name, kind, meeting rule, rule applies from, description)
COMMITTEES = [
    (
        BOARD,
        Committee.Kind.BOARD,
        "FREQ=MONTHLY;BYDAY=-1TH",  # seed 000: "meet on the last Thursday of each month"
        date(2003, 4, 1),
        "The Corporate Directors Management Team's board: considers Best Value review "
        "reports, gives feedback and input into the reviews, monitors their progress and "
        "ensures the improvement plans are carried out.",
    ),
    (BEST_VALUE_PANEL, Committee.Kind.SCRUTINY_PANEL, "", None, ""),
    (CHILDRENS_PANEL, Committee.Kind.SCRUTINY_PANEL, "", None, ""),
    (CABINET, Committee.Kind.CABINET, "", None, ""),
    (
        INFRASTRUCTURE,
        Committee.Kind.OVERVIEW_AND_SCRUTINY,
        "",
        None,
        "Has overall responsibility for monitoring the improvement plans of reviews in its "
        "area, every six months.",
    ),
    ("Best Value Project Board", Committee.Kind.BOARD, "", None, ""),
]

# The Chief Executive and the Corporate Directors (seed 000, 3.1) who are demo people.
BOARD_MEMBERS = [
    "John Willis",
    "Jill Baker",
    "Bruce Jassi",
    "Martin Smith",
    "John Townsend",
    "Anne Williams",
    "Malcolm Sykes",
    "Alan Westwood",
    "Charles Green",
]
BOARD_ATTENDANCE = (
    "The Chief Executive, Corporate Directors, the Director of Scrutiny, the Heads of "
    "Internal Audit, Corporate Finance and Policy and Performance, the Procurement Manager, "
    "two officers from Policy and Performance and two trades union representatives."
)

JANUARY_2004 = date(2004, 1, 29)
FEBRUARY_2004 = date(2004, 2, 26)
SCRUTINY_PANEL_FEBRUARY_2004 = date(2004, 2, 23)

# Meetings scheduled from each rule, from the day the demo is loaded: half a year of the
# board's, so that what comes next is current whenever the demo is tried.
MEETINGS_AHEAD = 6

# (committee, date, status): seeds 000–003 are reports to these meetings.
MEETINGS = [
    (BOARD, JANUARY_2004, Meeting.Status.HELD),
    (BOARD, FEBRUARY_2004, Meeting.Status.SCHEDULED),
    (BEST_VALUE_PANEL, SCRUTINY_PANEL_FEBRUARY_2004, Meeting.Status.HELD),
    (CHILDRENS_PANEL, date(2004, 7, 1), Meeting.Status.HELD),
    (CABINET, date(2003, 4, 2), Meeting.Status.HELD),
]

PROGRESS_WITH_REVIEWS = """\
Engineering & Transportation: Completion of the review has been deferred for six months \
(until July 2004) due to recruitment difficulties. Scrutiny Panel to receive an update on the \
latest recruitment position in April 2004.

Housing Strategy & Private Sector: The review team expect to complete the review in April. \
(An interim report on progress is attached to this agenda)

Children's services for 0-10 year olds: The Vision report was approved by CDMT Board and the \
Children's Strategic Partnership Board in September. It was agreed that the Improvement Plan \
will be integrated with the work on the issues identified in the Green Paper, and other \
initiatives such as Identification Referral and Tracking, Children's centres, Extended Schools \
and recommendations from the Lord Laming Inquiry into the death of Victoria Climbié.

Sports and Leisure: The final report, the Options Analysis and Improvement Plan, was presented \
to the CDMT Board this month. A number of points need to be addressed before the report \
proceeds to the Scrutiny Panel (see item 6. below).

Community Development: Second draft presented to CDMT at this meeting (attached to this agenda \
also). If the Vision report is accepted by the Scrutiny Panel, then the review team will \
present the final report, the Options Analysis and Improvement Plan, to the CDMT Board in \
February."""

# (number, heading, review title, presented by (person), presented by (post), minute)
MINUTE_ITEMS = [
    (
        4,
        "Implementation of Best Value improvement plans: Children's Services for 11-17 year olds",
        "Children's Services for 11-17 year olds",
        "Wes Cuell",
        "",
        "4.1 Wes Cuell gave an update. The block purchase of foster care placements is showing "
        "good progress, and an invest-to-save proposal has been made to facilitate this. A "
        "multi-agency planning group has been set up to make better use of resources for "
        "children in care. Work on Luton Futures (in-borough provision for children in care) "
        "is on target.\n\n"
        "4.2 CDMT Board asked for a report to the next meeting of the Board on the following;\n"
        "- Feasibility of the invest-to-save proposal\n"
        "- Reprovision of Buckle Close children's home, what the problems are and what is "
        "being done to resolve them",
    ),
    (5, "Progress with Best Value reviews", None, None, "", PROGRESS_WITH_REVIEWS),
    (
        6,
        "Sports and Leisure: Options analysis and improvement plan",
        "Sports and Leisure",
        None,
        "Head of Leisure, Libraries and Culture",
        "6.1 The Head of Leisure, Libraries and Culture presented the final report for this "
        "review. CDMT Board had a discussion, particularly about the proposal for a Leisure "
        "Trust, and agreed that some additional points need to be added to the report before "
        "it can proceed to the Scrutiny Panel. Overall, there is a need for greater clarity on "
        "the recommendations, and the financial context. The costs of setting up a Leisure "
        "Trust and the staff resourcing for the Trust should be identified. The range of "
        "choices for Members concerning capital and revenue expenditure on leisure should be "
        "stated, particularly as Leisure is a significant area of discretionary expenditure.",
    ),
    (
        7,
        "Housing Strategy and Private Sector (interim progress report)",
        "Housing Strategy & Private Sector",
        None,
        "Head of Housing (Strategy and Private Sector)",
        "7.1 The Head of Housing (Strategy and Private Sector) presented a progress report on "
        "this review, which has recently had an interim inspection from the Housing "
        "Inspectorate. He stated that a financial appraisal compared to other authorities was "
        "being carried out, and that customer testing would be completed soon. The full report "
        "should be available by April 2004, though resourcing the review was still proving "
        "difficult, and he will have further discussions with the Best Value Officer to obtain "
        "extra help. He explained that increasing demand for renovation and improvement grants "
        "is creating a shortfall in the budget, and Members have agreed to pilot offering "
        "loans rather than grants.",
    ),
    (
        8,
        "Community Development: revised Vision report",
        "Community Development",
        None,
        "Head of Community Development",
        "8.1 The Head of Community Development presented the revised Vision report, and a "
        "discussion followed. The Board requested amendments to the report as follows:\n"
        "- Revise the Vision to reflect desired outcomes from Community Development's work;\n"
        "- Recommend where Community Development should sit within the Council's structure "
        "and where community centres should go;\n"
        "- Insert a specific question about the financial implications and impact on the "
        "medium-term financial plan.\n\n"
        "8.2 In preparation for Scrutiny:\n"
        "- Raise the issue about Trust status and whether community centres should be "
        "included;\n"
        "- Touch on the issue about co-location and use of extended schools and other "
        "services.\n\n"
        "[Note: A supplement to the report has been prepared to accommodate these changes and "
        "this has been enclosed with the agenda for the Scrutiny Panel]",
    ),
]

SUPPLEMENT_NOTE = (
    "A supplement to the report has been prepared to accommodate these changes and this has "
    "been enclosed with the agenda for the Scrutiny Panel."
)

ANSWER_TRUSTS = (
    'Appendix "K" contained in the Vision Report considers the different methods of '
    "voluntary organisations running community buildings. Whilst each of the methods has its "
    "merits, the view of the Best Value Review Group is that Community Associations (CA's) "
    "provide the best initial start-up model for ensuring that the processes of engagement "
    "and development, so vital in achieving the sustainability of services required, are "
    "achieved. It is a sound and proven method for delivering a democratic outcome which can "
    "ensure that no one is excluded from the process. CA's can promote local neighbourhood "
    "work, community involvement and development. The local community is positively "
    "encouraged to become involved in the day-to-day management and development of the "
    "centre and its activities. CA's do not preclude the opportunities of partnership "
    "working and may perform all of the functions of community development trusts."
)
ANSWER_LEISURE_CENTRES = (
    "Community Centres, if operated correctly, are very different from Leisure Centres. "
    "Whilst both types of building serve the needs of communities the Community Centre is "
    "unique in that it allows communities to develop programmes which support the needs of "
    "local people. The differences are detailed in the report and highlight the value of the "
    "support that Community Centres can provide more fully. (See 11. 4. 3 through 11.4.8 on "
    "pages 39/40) Given the Council's need to restructure its Services to accommodate the "
    'requirements of "Every Child Matters" it would certainly be possible to locate the '
    "management of Community Centres within the same Department as other centres (such as "
    "leisure centres) as they develop towards management by local communities. The CDU could "
    "provide support to the Centres during the transition from Council to Community "
    "management either from within the same department, or from another department. The "
    "Best Value Review Group's recommendation is that the Community Development Unit be "
    "placed within the Chief Executive's Department where it will work strategically and "
    "link with all council services and key strategies ensuring that a community development "
    "strategy is delivered corporately. The officer Structures Project Team chaired by the "
    "Chief Executive will be considering the remaining issues about location of services, "
    "including community development, towards the end of February 2004."
)
ANSWER_EXTENDED_SCHOOLS = (
    "No new centres will be developed without considering present buildings. As part of the "
    "best value review and included in the appendices are maps that have been prepared for "
    "each of the nineteen wards within Luton. These maps indicate all community buildings "
    "within each given Ward and will be used to inform any future discussion on Community "
    "Centre provision. Community Development staff continue to support initiatives jointly "
    "with colleagues from other Service Departments and with Partner Agencies to ensure no "
    "duplication of provision. A key element of Community Centre's main business is the "
    "provision of daytime usage, one of the key requirements of community organisations."
)

CHILDREN_11_17 = "Children's Services for 11-17 year olds"
COMMUNITY_DEVELOPMENT = "Community Development"
COMMUNITY_DEVELOPMENT_HEAD = "Head of Community Development"
REVIEW_GROUP = "Community Development Best Value Review Group"

# Raised at the board's January 2004 meeting: (asked for, person, post, review title,
# due at (committee, date), answer — answered at the due meeting — or None while open).
REQUESTS = [
    (
        "A report to the next meeting of the Board on the feasibility of the invest-to-save "
        "proposal",
        "Wes Cuell",
        "",
        CHILDREN_11_17,
        (BOARD, FEBRUARY_2004),
        None,
    ),
    (
        "A report to the next meeting of the Board on the reprovision of Buckle Close "
        "children's home: what the problems are and what is being done to resolve them",
        "Wes Cuell",
        "",
        CHILDREN_11_17,
        (BOARD, FEBRUARY_2004),
        None,
    ),
    (
        "Amend the Vision report: revise the Vision to reflect desired outcomes from "
        "Community Development's work",
        None,
        COMMUNITY_DEVELOPMENT_HEAD,
        COMMUNITY_DEVELOPMENT,
        (BEST_VALUE_PANEL, SCRUTINY_PANEL_FEBRUARY_2004),
        SUPPLEMENT_NOTE,
    ),
    (
        "Amend the Vision report: recommend where Community Development should sit within "
        "the Council's structure and where community centres should go",
        None,
        COMMUNITY_DEVELOPMENT_HEAD,
        COMMUNITY_DEVELOPMENT,
        (BEST_VALUE_PANEL, SCRUTINY_PANEL_FEBRUARY_2004),
        SUPPLEMENT_NOTE,
    ),
    (
        "Amend the Vision report: insert a specific question about the financial implications "
        "and impact on the medium-term financial plan",
        None,
        COMMUNITY_DEVELOPMENT_HEAD,
        COMMUNITY_DEVELOPMENT,
        (BEST_VALUE_PANEL, SCRUTINY_PANEL_FEBRUARY_2004),
        SUPPLEMENT_NOTE,
    ),
    # Seed 002: "The Board also wished the following questions to be addressed."
    (
        "“Why are Community Associations being proposed in preference to Trusts, bearing in "
        "mind the Council's strong commitment to Trusts in recent times?”",
        None,
        REVIEW_GROUP,
        COMMUNITY_DEVELOPMENT,
        (BEST_VALUE_PANEL, SCRUTINY_PANEL_FEBRUARY_2004),
        ANSWER_TRUSTS,
    ),
    (
        "“Community Centres are the same as Leisure Centre's aren't they? Why can't they be "
        "provided within the same management structure?”",
        None,
        REVIEW_GROUP,
        COMMUNITY_DEVELOPMENT,
        (BEST_VALUE_PANEL, SCRUTINY_PANEL_FEBRUARY_2004),
        ANSWER_LEISURE_CENTRES,
    ),
    (
        "“Has the issue of Extended Schools be considered?”",
        None,
        REVIEW_GROUP,
        COMMUNITY_DEVELOPMENT,
        (BEST_VALUE_PANEL, SCRUTINY_PANEL_FEBRUARY_2004),
        ANSWER_EXTENDED_SCHOOLS,
    ),
]


def review_titled(title):
    """The review with this title if the reviews' demo data is loaded, else None."""
    return Review.objects.filter(title=title).order_by("-programme_year").first()


def person_named(full_name):
    return Person.objects.get(full_name=full_name) if full_name else None


def load():
    committees = {}
    for name, kind, rule, rule_from, description in COMMITTEES:
        committees[name], _ = Committee.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "meeting_rule": rule,
                "rule_from": rule_from,
                "description": description,
            },
        )
    committees[BOARD].members.set(Person.objects.filter(full_name__in=BOARD_MEMBERS))

    meetings = {}
    for name, day, status in MEETINGS:
        meetings[name, day], _ = Meeting.objects.update_or_create(
            committee=committees[name], date=day, defaults={"status": status}
        )
    for committee in committees.values():
        if committee.meeting_rule:
            services.schedule_meetings(committee=committee, count=MEETINGS_AHEAD)

    january = meetings[BOARD, JANUARY_2004]
    january.attendees_text = BOARD_ATTENDANCE
    january.save()
    january.attendees.set(Person.objects.filter(full_name__in=[*BOARD_MEMBERS, "Wes Cuell"]))

    for number, heading, review, person, post, text in MINUTE_ITEMS:
        MinuteItem.objects.update_or_create(
            meeting=january,
            number=number,
            defaults={
                "heading": heading,
                "review": review_titled(review) if review else None,
                "presented_by": person_named(person),
                "presented_by_post": post,
                "text": text,
            },
        )

    for asked_for, person, post, review, due, answer in REQUESTS:
        BoardRequest.objects.update_or_create(
            raised_at=january,
            asked_for=asked_for,
            defaults={
                "asked_of": person_named(person),
                "asked_of_text": post,
                "review": review_titled(review),
                "due_meeting": meetings[due],
                "status": BoardRequest.Status.ANSWERED if answer else BoardRequest.Status.OPEN,
                "answer": answer or "",
                "answered_at_meeting": meetings[due] if answer else None,
            },
        )
