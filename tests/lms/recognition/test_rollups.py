"""Roll-up rules as pure functions, and the registry of metrics officers choose from."""

import pytest
from django.core.exceptions import ValidationError

from lms.recognition.constants import COMPUTED_METRICS, MODEL_METRICS
from lms.recognition.models import CriteriaSet, Indicator
from lms.recognition.services import rollups, versioning
from lms.recognition.services.evaluation import evaluate_commune
from lms.recognition.services.rollups import Person, Standing
from lms.selectors import NO_FACTS

from .conftest import YEAR


def person(name, *, holds=False, meets=False, learned=False, born=1980):
    return Person(name, born, None, learned, holds, meets)


def test_title_share_counts_holders_and_tells_awaiting_apart():
    members = [
        person("A", holds=True, meets=True),
        person("B", meets=True),
        person("C"),
        person("D"),
    ]
    value, source = rollups.title_share(members)
    assert value == 25.0
    assert source[0] == "1/4" and "✓ A" in source and "✓ B" not in source
    assert source[1] == rollups.awaiting_text(1)  # B: meets, no decision yet
    assert rollups.title_share([]) == (None, ())


def test_adults_follow_the_resident_age_rule():
    people = [person("Adult", born=YEAR - 18), person("Child", born=YEAR - 17)]
    people.append(person("Unknown", born=None))
    assert [p.name for p in rollups.adults(people, YEAR)] == ["Adult", "Unknown"]


def test_every_model_rule_computes_exactly_the_metrics_it_offers():
    """An indicator on any offered metric gets a figure: no code needed."""
    someone, household = [person("A", holds=True)], [Standing(holds_title=True)]
    computed = {
        "citizen": rollups.facts_metrics(NO_FACTS),
        "family": rollups.family(someone)[0],
        "clan": rollups.clan(household, someone)[0],
        "community": rollups.village(household, someone)[0],
        "unit": rollups.unit(someone)[0],
        "commune": rollups.commune(
            households=household,
            villages=household,
            clans=household,
            units=household,
            adult_residents=someone,
        )[0],
    }
    for model, metrics in computed.items():
        assert set(metrics) == set(MODEL_METRICS[model]), model
    assert set(MODEL_METRICS["citizen"]) == COMPUTED_METRICS


@pytest.mark.django_db
def test_indicator_metric_is_validated_against_the_model():
    commune_set = CriteriaSet.objects.get(code="community-commune-tt25", version=2)
    criterion = commune_set.criteria.get(number="5")

    def indicator(**fields):
        return Indicator(criterion=criterion, code="5.9", text="Thử", **fields)

    indicator(kind="rollup", metric="clans_clan_share").full_clean()
    for fields, field in (
        ({"kind": "rollup", "metric": "members_citizen_share"}, "metric"),
        ({"kind": "rollup", "metric": ""}, "metric"),
        ({"kind": "rollup", "metric": "learning_hours"}, "kind"),
        ({"kind": "declared", "metric": "units_unit_share"}, "metric"),
        ({"kind": "rollup", "metric": "no_such_figure"}, "metric"),
    ):
        with pytest.raises(ValidationError) as error:
            indicator(**fields).full_clean()
        assert field in error.value.message_dict, fields


@pytest.fixture
def admin_client(client, province_officer):
    client.force_login(province_officer)
    return client


@pytest.mark.django_db
def test_officer_adds_a_roll_up_measure_in_the_editor_without_code(
    admin_client, commune
):
    """The metric is a choice list of registered figures in Vietnamese; a wrong
    one is refused; a right one is evaluated at once."""
    draft = versioning.new_version(
        criteria_set=CriteriaSet.objects.get(code="community-commune-tt25", version=2)
    )
    criterion = draft.criteria.get(number="3")
    url = "/admin/snippets/recognition/indicator/add/"
    page = admin_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="clans_clan_share"' in html
    assert "Tỉ lệ dòng họ đạt Dòng họ học tập (%)" in html
    form = {
        "criterion": criterion.pk,
        "code": "3.4",
        "text": "Tỉ lệ đơn vị học tập",
        "kind": "rollup",
        "metric": "members_citizen_share",
        "threshold": "50",
        "level": "1",
        "sort_order": "9",
    }
    response = admin_client.post(url, form)
    assert response.status_code == 200  # the form again, with the error
    assert "Nền tảng không tính số liệu này" in response.content.decode()
    assert not Indicator.objects.filter(criterion=criterion, code="3.4").exists()
    response = admin_client.post(url, {**form, "metric": "units_unit_share"})
    assert response.status_code == 302
    assert Indicator.objects.get(criterion=criterion, code="3.4").required is False
    versioning.activate(criteria_set=draft)
    evaluate_commune(commune=commune, year=YEAR, models=["commune"])
    evaluation = commune.recognition_evaluations.get(model="commune", year=YEAR)
    added = next(r for r in evaluation.explanation["indicators"] if r["code"] == "3.4")
    assert evaluation.criteria_set == draft and added["missing"] == "no data"
