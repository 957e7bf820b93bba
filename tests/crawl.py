"""Follow every link a signed-in user is shown, once per kind of page; list every URL pattern.

Used by the URL sweep (test client) and the accessibility sweep (Chromium): together they
visit every page reachable from the home page, for every role, without a list to maintain.
"""

import re
from collections import Counter
from urllib.parse import urljoin, urlsplit

from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

LINK = re.compile(r'href="([^"#]+)')
SKIP_PREFIXES = ("/static/", "/media/", "/admin/")
PER_ROUTE = 2  # pages of one kind look alike; two of each is enough


def links(html, base):
    for href in LINK.findall(html):
        url = urljoin(base, href.replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.netloc and parts.netloc not in {"testserver", "localhost", "127.0.0.1"}:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith("/") and not path.startswith(SKIP_PREFIXES):
            yield path


def route_of(url):
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def crawl(fetch, start="/", limit=500):
    """Visit pages breadth-first; `fetch(url)` returns (status, content_type, html).

    Returns [(url, route, status)] for every page fetched.
    """
    queue, seen, per_route, visited = [start], {start}, Counter(), []
    while queue and len(visited) < limit:
        url = queue.pop(0)
        route = route_of(url)
        if per_route[(route, "?" in url)] >= PER_ROUTE:
            continue
        per_route[(route, "?" in url)] += 1
        status, content_type, html = fetch(url)
        visited.append((url, route, status))
        if status == 200 and content_type.startswith("text/html"):
            for link in links(html, url):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
    return visited


def every_pattern(resolver=None, prefix="", namespace=""):
    """(route name, pattern) of every URL pattern in the URL conf, but the Django admin's."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from every_pattern(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield namespace + (entry.name or ""), prefix + str(entry.pattern)
