from django.conf import settings
from django.urls import reverse

from bestvalue.organisation.roles import role_of

# (label, URL name) of the service navigation, in order.
NAVIGATION = [
    ("Home", "home"),
    ("Programme", "reviews:review-list"),
    ("Inspections", "inspections:programme"),
    ("Committees", "committees:committee-list"),
    ("Improvement plans", "improvement_plans:plan-list"),
    ("Search", "search"),
]


def council(request):
    user = getattr(request, "user", None)
    return {
        "council_name": settings.COUNCIL_NAME,
        "user_role": role_of(user) if user is not None and user.is_authenticated else None,
    }


def navigation(request):
    items = []
    for label, name in NAVIGATION:
        url = reverse(name)
        current = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"label": label, "url": url, "current": current})
    return {"navigation": items}
