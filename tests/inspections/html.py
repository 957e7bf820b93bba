"""Reading rendered pages in tests: CSS selectors over the parsed HTML, and their text."""

import cssselect2
import tinyhtml5


def select(html, selector):
    """The elements of `html` (a string) that match the CSS `selector`."""
    root = cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(html))
    return [wrapper.etree_element for wrapper in root.query_all(selector)]


def text(element):
    """The element's text with runs of whitespace made single spaces."""
    return " ".join("".join(element.itertext()).split())
