"""HTML to PDF through WeasyPrint: the one place the product makes PDFs.

Rendering never touches the network: only the product's static files (as
`file:///static/<path>`) and `data:` URLs can be fetched, so a report renders the same on an
offline server and cannot be made to read anything else.
"""

import mimetypes

import weasyprint
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_PREFIX = "file:///static/"


class StaticOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        found = (
            finders.find(url.removeprefix(STATIC_PREFIX)) if url.startswith(STATIC_PREFIX) else None
        )
        if not found:
            raise ValueError(f"Reports may only use the product's own static files, not {url}")
        with open(found, "rb") as file:
            body = file.read()
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})


def render_pdf(html: str) -> bytes:
    """A4 PDF bytes for `html`; stylesheets are referenced as file:///static/<path>."""
    document = weasyprint.HTML(string=html, base_url=STATIC_PREFIX, url_fetcher=StaticOnlyFetcher())
    return document.write_pdf()
