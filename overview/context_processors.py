from django.conf import settings
from django.urls import reverse

from organisation.roles import role_of

# (label, URL name) of the service navigation, in order.
NAVIGATION = [
    ("Home", "home"),
    ("Programme", "reviews:review-list"),
    ("Timeline", "timeline"),
    ("Inspections", "inspections:programme"),
    ("Committees", "committees:committee-list"),
    ("Improvement plans", "improvement_plans:plan-list"),
    ("Reports", "reports:report-list"),
    ("Search", "search"),
]


def council(request):
    user = getattr(request, "user", None)
    return {
        "council_name": settings.COUNCIL_NAME,
        "user_role": role_of(user) if user is not None and user.is_authenticated else None,
    }


def navigation(request):
    urls = [(label, reverse(name)) for label, name in NAVIGATION]
    # The item whose address is the longest start of this page's (Reports within Committees).
    matches = [
        url
        for _, url in urls
        if request.path == url or (url != "/" and request.path.startswith(url))
    ]
    current = max(matches, key=len, default=None)
    return {
        "navigation": [
            {"label": label, "url": url, "current": url == current} for label, url in urls
        ]
    }
