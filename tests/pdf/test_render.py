import io

import pytest
from pypdf import PdfReader

from core.pdf import render_pdf

PAGE = """<html><head><style>
@page {{ size: A4; @bottom-center {{ content: "Page " counter(page) " of " counter(pages) }} }}
</style>{link}</head><body><h1>CDMT UPDATE REPORT</h1>{body}</body></html>"""


def text_of(pdf):
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_renders_a4_pages_with_page_x_of_y():
    pdf = render_pdf(PAGE.format(link="", body="<p style='break-before: page'>Next</p>"))
    reader = PdfReader(io.BytesIO(pdf))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points
    pages = text_of(pdf)
    assert "CDMT UPDATE REPORT" in pages[0]
    assert "Page 1 of 2" in pages[0] and "Page 2 of 2" in pages[1]


def test_uses_the_products_own_stylesheets():
    link = '<link rel="stylesheet" href="css/bestvalue.css">'
    assert "CDMT UPDATE REPORT" in text_of(render_pdf(PAGE.format(link=link, body="")))[0]


def test_never_fetches_from_the_network(caplog):
    html = PAGE.format(link="", body='<img src="https://example.com/logo.png" alt="logo">')
    render_pdf(html)
    assert any("example.com" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "file:///static/../../etc/passwd"])
def test_refuses_files_outside_the_static_folders(url, caplog):
    render_pdf(PAGE.format(link="", body=f'<img src="{url}" alt="x">'))
    refused = [r.getMessage() for r in caplog.records if "Failed to load image" in r.getMessage()]
    assert refused and ("static files" in refused[0] or "outside of the base path" in refused[0])
