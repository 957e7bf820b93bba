from decimal import Decimal

from django import template

from improvement_plans.models import RAG

register = template.Library()


@register.inclusion_tag("improvement_plans/components/rag_counts.html")
def rag_counts(plan):
    """Tags for a plan counted by `with_rag_counts()`: "2 Red", "1 Amber"… (none when 0)."""
    counts = [(rag, getattr(plan, rag.value)) for rag in RAG]
    return {"counts": [(rag, count) for rag, count in counts if count]}


@register.filter
def hours(value):
    """Hours as officers write them: 3.5, 4, 1.25 (no trailing zeros)."""
    if value in (None, ""):
        return "0"
    return f"{Decimal(value).normalize():f}"
