"""Random input to every form an officer is shown: none of it answers a server error.

The forms are found, not listed: the demo council is crawled as an administrator and as a best
value officer (tests/crawl.py), and every `<form>` is read from the real HTML with its fields,
choices and hidden values. Hypothesis then submits each one many times, each field its real
value, empty, or junk (NUL bytes, long or foreign text, huge numbers, impossible dates, ids
that do not exist). Every answer must be below 500, and a form sent back to be corrected must
say what is wrong in the GOV.UK error summary.

Each failure names the form and the data sent. The whole run takes about three minutes;
FUZZ_ONLY=/search/ in the environment limits it to forms whose address contains "/search/".
"""

import copy
import os
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, Phase, example, given, note, settings
from hypothesis import strategies as st

from organisation import roles
from tests.crawl import crawl, route_of

pytestmark = pytest.mark.django_db

ROLES = [roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER]
SKIP_ACTIONS = ("/sign-out/", "/admin/")
EXAMPLES_PER_FORM = 20  # about 37 forms: some three minutes on a shared two-core machine
MIN_TARGETS = 20

# The hint GOV.UK puts under a field ("For example, 2003/04") gives a value the form accepts.
EXAMPLE_IN_HINT = re.compile(r"For example,? (.+?)(?:,| or |$)")
SUMMARY = "govuk-error-summary"
INLINE_ERROR = re.compile(r"govuk-error-message|govuk-form-group--error")


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, radio, checkbox, file, hidden, date part, button …
    offered: list[str] = field(default_factory=list)  # choices, radio and checkbox values
    current: list[str] = field(default_factory=list)  # what the page filled in or selected
    hint: str = ""
    multiple: bool = False

    def plausible(self):
        """A value the form is likely to accept, so that other fields' junk reaches the save."""
        if self.current:
            return self.current if self.multiple else self.current[0]
        if self.offered:
            return [v for v in self.offered if v][:1] if self.multiple else self.offered[-1]
        if self.kind == "date part":
            return {"0": "1", "1": "4", "2": "2004"}[self.name[-1]]
        if example := EXAMPLE_IN_HINT.search(self.hint):
            return example[1].rstrip(".")
        if self.kind == "number":
            return "1"
        return "Fuzz"


@dataclass
class Target:
    role: str
    page: str
    method: str
    action: str
    fields: dict[str, Field]
    buttons: list[tuple[str, str, bool]]  # (name, value, is_secondary)

    def __str__(self):
        return f"{self.method.upper()} {self.action} (form on {self.page}, as {self.role})"


def _hint_for(form, element):
    described = (element.get("aria-describedby") or "").split()
    hints = [form.find(id=i) for i in described]
    return " ".join(h.get_text(" ", strip=True) for h in hints if h is not None)


def read_forms(html, page, role):
    """Every form on the page, with its fields as the browser would send them."""
    soup = BeautifulSoup(html, "html.parser")
    for form in soup.find_all("form"):
        method = (form.get("method") or "get").lower()
        action = urljoin(page, form.get("action") or page)
        if method == "get":
            action = urlsplit(action).path
        if urlsplit(action).path.startswith(SKIP_ACTIONS):
            continue
        fields, buttons = {}, []
        for element in form.find_all(["input", "select", "textarea", "button"]):
            name = element.get("name")
            if element.name in ("input", "button"):
                kind = element.get("type", "text" if element.name == "input" else "submit")
            else:
                kind = element.name  # select, textarea
            if not name:
                continue
            if kind in ("submit", "image"):
                secondary = "govuk-button--secondary" in (element.get("class") or [])
                buttons.append((name, element.get("value", ""), secondary))
                continue
            entry = fields.setdefault(name, Field(name, kind))
            entry.hint = entry.hint or _hint_for(form, element)
            if element.name == "select":
                entry.multiple = element.has_attr("multiple")
                for option in element.find_all("option"):
                    value = option.get("value", option.get_text())
                    entry.offered.append(value)
                    if option.has_attr("selected"):
                        entry.current.append(value)
            elif element.name == "textarea":
                entry.current.append(element.get_text())
            elif kind in ("radio", "checkbox"):
                entry.multiple = kind == "checkbox"
                entry.offered.append(element.get("value", "on"))
                if element.has_attr("checked"):
                    entry.current.append(element.get("value", "on"))
            else:
                if re.search(r"_[012]$", name) and kind == "text":
                    entry.kind = "date part"
                if element.get("value"):
                    entry.current.append(element["value"])
        yield Target(role, page, method, action, fields, buttons)


# What junk looks like. Each one has broken a Django site somewhere.
NUL = "\x00"
with_nul = st.builds(lambda a, b: f"{a}{NUL}{b}", st.text(max_size=8), st.text(max_size=8))
long_text = st.builds(
    lambda c, n: c * n, st.characters(codec="utf-8"), st.sampled_from([256, 1001, 70_000])
)
integers = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from(["2147483648", "-2147483649", "9223372036854775808", "1e309", "0", "-1"]),
).map(str)
decimals = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from(["NaN", "sNaN", "Infinity", "-0E+1000", "1E+1000000", "0.0000000001"]),
).map(str)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.sampled_from(["2004-02-31", "0000-01-01", "99999-01-01", "31/02/2004", "2004-13-01"]),
)
date_parts = st.one_of(
    st.sampled_from(["0", "31", "32", "29", "13", "99999", "-1", "00", " 1 ", "١٢"]),
    integers,
)
missing_ids = st.sampled_from(["0", "999999999", "2147483648", "-1", "1.5", "abc"])
junk = st.one_of(
    st.just(""),
    st.text(max_size=30),
    with_nul,
    long_text,
    integers,
    decimals,
    dates,
    missing_ids,
)


def field_values(entry):
    """A strategy for what one field sends: a value, a list of values, or None (left out)."""
    real = st.just(entry.plausible())
    offered = st.sampled_from(entry.offered) if entry.offered else real
    typed = date_parts if entry.kind == "date part" else junk
    if entry.kind == "file":
        upload = st.builds(
            lambda name, content: SimpleUploadedFile(name, content),
            st.one_of(st.just("paper.pdf"), st.text(min_size=1, max_size=300)),
            st.binary(max_size=64),
        )
        return st.one_of(st.none(), upload)
    if entry.multiple:
        return st.one_of(
            real,
            st.none(),
            st.lists(st.one_of(offered, typed), max_size=4),
        )
    if entry.name.endswith(("TOTAL_FORMS", "INITIAL_FORMS")):
        # Formset management: the browser never changes these, a forger does.
        return st.one_of(real, integers, junk, st.none())
    return st.one_of(real, offered, typed, st.none())


@st.composite
def submissions(draw, target):
    """The data a browser (or a forger) could send: each field real, or junk."""
    fuzzable = [name for name in target.fields if name != "csrfmiddlewaretoken"]
    if fuzzable and draw(st.booleans()):
        # One field at a time, the rest as the page gave them: junk then reaches the save.
        chosen = {draw(st.sampled_from(fuzzable))}
    else:
        chosen = set(fuzzable)
    data = {}
    for name, entry in target.fields.items():
        keep = name == "csrfmiddlewaretoken" or name not in chosen
        if name == "version" and draw(st.integers(0, 4)):
            keep = True  # usually the real version, so the optimistic lock lets the save through
        value = entry.plausible() if keep else draw(field_values(entry))
        if value is not None and value != []:
            data[name] = value
    if target.buttons:
        pressed = draw(st.one_of(st.none(), st.sampled_from(target.buttons)))
        if pressed:
            data[pressed[0]] = pressed[1]
            data["__secondary__"] = pressed[2]
    return data


def collect_targets(client, make_user):
    """(target, user) for each kind of form the crawl shows either role, first seen wins."""
    targets = {}
    for role in ROLES:
        user = make_user(role)
        client.force_login(user)

        def fetch(url, user=user, role=role):
            response = client.get(url, follow=True)
            html = response.content.decode(errors="replace")
            final = response.redirect_chain[-1][0] if response.redirect_chain else url
            if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
                for target in read_forms(html, urljoin(url, final), role):
                    signature = (
                        target.method,
                        route_of(target.action),
                        tuple(sorted(target.fields)),
                    )
                    targets.setdefault(signature, (target, user))
            return response.status_code, response.get("Content-Type", ""), html

        crawl(fetch)
    return list(targets.values())


def fuzz(client, target, user):
    """Submit the target form many times; raise (via Hypothesis) at the first bad answer."""

    @settings(
        max_examples=EXAMPLES_PER_FORM,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=submissions(target))
    def submit(data):
        secondary = data.pop("__secondary__", False)
        note(str(target))
        cookies = copy.deepcopy(client.cookies)
        try:
            with transaction.atomic():
                if target.method == "post":
                    response = client.post(target.action, data)
                else:
                    response = client.get(target.action, data)
                transaction.set_rollback(True)
        finally:
            client.cookies = cookies
        html = response.content.decode(errors="replace")
        assert response.status_code < 500, f"{target} answered {response.status_code}"
        if response.status_code == 200 and INLINE_ERROR.search(html):
            assert SUMMARY in html, f"{target} marks a field in error without an error summary"
        if target.method == "post" and response.status_code == 200 and not secondary:
            assert SUMMARY in html, f"{target} sent the form back without an error summary"

    client.force_login(user)
    example(data=nul_everywhere(target))(submit)()


def nul_everywhere(target):
    """The page's own values with a NUL byte in every text box: PostgreSQL refuses to store one."""
    data = {name: entry.plausible() for name, entry in target.fields.items()}
    for name, entry in target.fields.items():
        if entry.kind in ("text", "textarea", "search"):
            data[name] = f"{data[name]}{NUL}"
    return {name: value for name, value in data.items() if value not in (None, [])}


def describe(error):
    """The failure and Hypothesis's notes (the data sent), for each distinct failure found."""
    if isinstance(error, BaseExceptionGroup):
        return "\n".join(describe(inner) for inner in error.exceptions)
    notes = "\n".join(getattr(error, "__notes__", []))
    return f"{type(error).__name__}: {error}\n{notes}\n"


def test_no_form_answers_a_server_error(client, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # uploads that a rollback cannot take back
    call_command("load_demo", verbosity=0)
    found = collect_targets(client, make_user)
    print(f"\n{len(found)} forms to fuzz")
    assert len(found) > MIN_TARGETS, [str(t) for t, _ in found]
    assert any(t.method == "get" for t, _ in found), "no filter form was found"

    if only := os.environ.get("FUZZ_ONLY"):  # e.g. FUZZ_ONLY=/search/ while fixing one form
        found = [(t, user) for t, user in found if only in t.action]
    failures = []
    for target, user in found:
        try:
            fuzz(client, target, user)
        except Exception as error:  # every form is tried before reporting
            failures.append(describe(error))
    assert not failures, "\n\n".join(failures)
