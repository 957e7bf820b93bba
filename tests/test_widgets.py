import pytest
from crispy_forms.utils import render_crispy_form
from django import forms

from core.forms import GDSFormMixin
from core.widgets import Select
from reviews.models import Review
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


class ChooseReview(GDSFormMixin, forms.Form):
    review = forms.ModelChoiceField(Review.objects.order_by("title"), empty_label="None")
    kind = forms.ChoiceField(choices=[("a", "A & B"), ("c", "C")], required=False)


def test_every_plain_select_of_a_form_is_the_quick_one():
    form = ChooseReview()
    assert {type(field.widget) for field in form.fields.values()} == {Select}


def test_options_are_escaped_and_the_current_value_selected():
    first, second = ReviewFactory(title="<b>Youth</b> Service"), ReviewFactory(title="Waste")
    html = str(ChooseReview(initial={"review": second.pk, "kind": "a"})["review"])
    assert "&lt;b&gt;Youth&lt;/b&gt; Service" in html and "<b>" not in html
    assert f'<option value="{second.pk}" selected>Waste</option>' in html
    assert f'<option value="{first.pk}">' in html
    assert '<option value="">None</option>' in html
    assert 'id="id_review"' in html and " required" in html


def test_an_option_group_is_left_to_djangos_templates():
    widget = Select(choices=[("Group", [("a", "A")]), ("b", "B")])
    html = widget.render("kind", "a")
    assert '<optgroup label="Group">' in html and "selected" in html


def test_a_model_select_is_written_with_one_query(django_assert_num_queries):
    ReviewFactory.create_batch(3)
    field = ChooseReview()["review"]
    with django_assert_num_queries(1):
        html = str(field)
    assert html.count("<option") == 4


def test_the_gov_uk_styles_and_error_state_still_apply():
    form = ChooseReview(data={"review": "999"})
    assert not form.is_valid()
    html = render_crispy_form(form)
    assert 'class="govuk-select govuk-input--error"' in html
    assert 'aria-describedby="id_review_1_error"' in html
    assert "Select a valid choice" in html
