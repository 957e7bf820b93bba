"""The seed papers' house styles, as data; every committee and report takes the preset that
looks as its old style did (docs/architecture.md: committees' house_style moves up here)."""

from django.db import migrations

from reports import presets

# Committee.house_style, as it was, and the preset that keeps its look.
WAS = {"scrutiny": presets.SCRUTINY, "cabinet": presets.CABINET}


def forwards(apps, schema_editor):
    HouseStyle = apps.get_model("reports", "HouseStyle")
    CommitteeStyle = apps.get_model("reports", "CommitteeStyle")
    CommitteeReport = apps.get_model("reports", "CommitteeReport")
    Committee = apps.get_model("committees", "Committee")
    styles = presets.install(HouseStyle)
    CommitteeStyle.objects.bulk_create(
        CommitteeStyle(committee=committee, house_style=styles[WAS[committee.house_style]])
        for committee in Committee.objects.all()
    )
    # Updated in bulk: an issued report's PDF and SHA-256 are left exactly as they were.
    reports = CommitteeReport.objects.all()
    reports.filter(committee__house_style="cabinet").update(house_style=styles[presets.CABINET])
    scrutiny = reports.filter(committee__house_style="scrutiny")
    # The scrutiny style numbered review progress reports' paragraphs 1, 2, 3 through (seed 003).
    scrutiny.filter(kind="review_progress").update(
        house_style=styles[presets.SCRUTINY_NUMBERED_THROUGH]
    )
    scrutiny.exclude(kind="review_progress").update(house_style=styles[presets.SCRUTINY])


def backwards(apps, schema_editor):
    CommitteeStyle = apps.get_model("reports", "CommitteeStyle")
    Committee = apps.get_model("committees", "Committee")
    cabinet = CommitteeStyle.objects.filter(house_style__name=presets.CABINET)
    Committee.objects.filter(pk__in=cabinet.values("committee")).update(house_style="cabinet")


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_house_styles"),
    ]
    # Committees let their house_style go only after it has been read here.
    run_before = [
        ("committees", "0005_house_style_moves_to_reports"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
