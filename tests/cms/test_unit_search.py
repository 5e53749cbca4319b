import pytest


@pytest.mark.parametrize(
    "query", ["xa ta van", "Xã Tả Van", "TẢ VAN", "ta van lao cai"]
)
def test_units_lookup_finds_ta_van_with_or_without_diacritics(client, db, query):
    response = client.get("/api/units/", {"q": query})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["name"] == "Xã Tả Van"
    assert first["province_name"] == "Lào Cai"
    assert first["code"] == "03037"


def test_units_lookup_ranks_exact_names_first_and_caps_at_20(client, db):
    results = client.get("/api/units/", {"q": "tan hoi"}).json()["results"]
    assert [r["name"] for r in results[:3]] == ["Xã Tân Hội"] * 3
    assert {r["province_name"] for r in results[:3]} == {
        "Lâm Đồng",
        "Tây Ninh",
        "An Giang",
    }
    many = client.get("/api/units/", {"q": "xa"}).json()["results"]
    assert len(many) == 20


def test_units_lookup_with_empty_or_unknown_query(client, db):
    assert client.get("/api/units/", {"q": ""}).json() == {"results": []}
    assert client.get("/api/units/", {"q": "zzzz"}).json() == {"results": []}


def test_units_lookup_query_count_is_constant(
    client, db, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        client.get("/api/units/", {"q": "phuong"})
