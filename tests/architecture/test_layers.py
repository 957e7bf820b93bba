"""The layers of docs/architecture.md hold in the data too: no foreign key points up, and no
migration written since the apps were layered depends on a higher app's migration.

The layers are read from the import contract in pyproject.toml, so there is one list.
"""

import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
# Lowest first: core, organisation, reviews …
LAYERS = list(reversed(CONTRACT["contracts"][0]["layers"]))
RANK = {app: rank for rank, app in enumerate(LAYERS)}

# Migrations written before the apps were layered keep their dependencies
# (docs/architecture.md names them).
KNOWN_UPWARD = {
    ("committees", "0003_committee_reports"): {"improvement_plans"},
}


# The project's own packages, as pyproject.toml ships them ("core*" -> "core").
PACKAGES = {
    pattern.rstrip("*")
    for pattern in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]["find"]["include"]
}


def test_every_project_app_is_in_the_layers():
    ours = {config.label for config in apps.get_app_configs() if config.name in PACKAGES}
    assert len(ours) >= 7
    assert ours - set(LAYERS) == set()
    assert set(LAYERS) == PACKAGES


def relations():
    for model in apps.get_models(include_auto_created=True):
        source = model._meta.app_label
        if source not in RANK:
            continue
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is not None:
                target = field.related_model._meta.app_label
                if target in RANK:
                    yield model, field, source, target


def test_relations_were_found():
    assert len(list(relations())) > 50


def test_no_foreign_key_points_from_a_lower_app_to_a_higher_one():
    upward = [
        f"{model._meta.label}.{field.name} -> {field.related_model._meta.label}"
        for model, field, source, target in relations()
        if RANK[source] < RANK[target]
    ]
    assert upward == []


@pytest.fixture(scope="module")
def migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {key: m for key, m in loader.disk_migrations.items() if key[0] in RANK}


def test_no_new_migration_depends_on_a_higher_app(migrations):
    upward = []
    for (app, name), migration in migrations.items():
        higher = {dep[0] for dep in migration.dependencies if RANK.get(dep[0], -1) > RANK[app]}
        if higher - KNOWN_UPWARD.get((app, name), set()):
            upward.append(f"{app}.{name} depends on {sorted(higher)}")
    assert upward == []


def test_data_moved_up_is_copied_before_the_lower_app_lets_go(migrations):
    """A higher app's migration that takes over a lower app's data runs before the lower
    app's removal (`run_before`), and docs/architecture.md lists each such pair."""
    architecture = (ROOT / "docs" / "architecture.md").read_text()
    pairs = [
        (key, before) for key, migration in migrations.items() for before in migration.run_before
    ]
    assert pairs, "the move of committee reports declares one"
    for (app, name), (lower, lower_name) in pairs:
        assert RANK[lower] < RANK[app]
        assert f"{app} {name}" in architecture and f"{lower} {lower_name}" in architecture
