"""Province-sized reports on PostgreSQL: dashboard figures and XLSX export timings.

Run: .ci/with-postgres .venv/bin/python bench/reports.py [--scale 1.0]

Builds a throw-away test database (migrated), generates a province of 100
communes and 1,000 villages with 1,000,000 residents and 300,000 households and
five years of records with INSERT ... SELECT generate_series (not timed), then
times the province dashboard figures, the dashboard page and the XLSX export.
``--scale 0.01`` gives a quick smoke run.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402

LAST_YEAR = 2026
YEARS = 5
TOPICS = [
    "Kỹ thuật trồng lúa",
    "Chăn nuôi gia cầm",
    "Pháp luật và thời sự",
    "Chăm sóc sức khoẻ",
    "Kỹ năng số",
    "Nuôi trồng thuỷ sản",
    "Xoá mù chữ",
    "Văn hoá và môi trường",
]
GROUPS = ["official", "worker", "farmer", "pupil", "elderly", "other"]


def generate(cursor, *, residents: int, households: int, communes: int) -> dict:
    """Fill the database; returns the province code and row counts."""
    from cms.site_setup import ensure_home_page

    first, last = LAST_YEAR - YEARS + 1, LAST_YEAR
    villages = communes * 10
    cursor.execute(
        "INSERT INTO cms_province (code, name, division_type, codename) "
        "VALUES ('99', 'Tỉnh Thử Nghiệm', 'Tỉnh', 'tinh-thu-nghiem') RETURNING id"
    )
    province = cursor.fetchone()[0]
    cursor.execute(
        """
        INSERT INTO cms_commune (code, name, division_type, codename, province_id,
                                 is_current, search_text)
        SELECT 'B' || lpad(i::text, 5, '0'), 'Xã Số ' || i, 'Xã', 'xa-so-' || i,
               %s, true, 'xa so ' || i
        FROM generate_series(0, %s - 1) i
        """,
        [province, communes],
    )
    cursor.execute(
        """
        INSERT INTO cms_village (commune_id, name, kind)
        SELECT c.id, 'Thôn ' || v, 'thon'
        FROM cms_commune c, generate_series(1, 10) v WHERE c.province_id = %s
        """,
        [province],
    )
    cursor.execute(
        """
        CREATE TEMP TABLE bench_village AS
        SELECT (row_number() OVER (ORDER BY c.code, v.id) - 1)::int AS k,
               c.id AS commune_id, v.id AS village_id,
               (dense_rank() OVER (ORDER BY c.code) - 1)::int AS ck
        FROM cms_village v JOIN cms_commune c ON c.id = v.commune_id
        WHERE c.province_id = %s
        """,
        [province],
    )
    cursor.execute(
        "INSERT INTO cms_centre (commune_id, name, address, phone, email, schedule) "
        "SELECT id, 'TTHTCĐ ' || name, '', '', '', '' FROM cms_commune "
        "WHERE province_id = %s",
        [province],
    )
    # Resident i lives in village i % villages; 2 % of them moved in the last year
    # (their earlier records point at the next commune).
    cursor.execute(
        """
        INSERT INTO lms_user (password, is_superuser, username, first_name, last_name,
            email, is_staff, is_active, date_joined, phone, full_name, commune_id,
            village_id, target_group)
        SELECT '!', false, 'u' || i, '', '', '', false, true, now(), '',
               'Người ' || i, bv.commune_id, bv.village_id,
               (%s::text[])[1 + (i * 7) %% 6]
        FROM generate_series(0, %s - 1) i JOIN bench_village bv ON bv.k = i %% %s
        """,
        [GROUPS, residents, villages],
    )
    cursor.execute("SELECT min(id) FROM lms_user WHERE username LIKE 'u%%'")
    base = cursor.fetchone()[0]
    cursor.execute(
        """
        CREATE TEMP TABLE bench_person AS
        SELECT u.id, (u.id - %s)::int AS i, u.commune_id, u.village_id, u.full_name,
               CASE WHEN (u.id - %s) %% 50 = 0
                    THEN (SELECT commune_id FROM bench_village
                          WHERE k = ((u.id - %s) %% %s + 10) %% %s)
                    ELSE u.commune_id END AS old_commune_id
        FROM lms_user u WHERE u.username LIKE 'u%%'
        """,
        [base, base, base, villages, villages],
    )
    cursor.execute(
        """
        INSERT INTO recognition_household (name, commune_id, village_id, address,
                                           created_at)
        SELECT 'Hộ ' || h, bv.commune_id, bv.village_id, '', now()
        FROM generate_series(0, %s - 1) h JOIN bench_village bv ON bv.k = h %% %s
        """,
        [households, villages],
    )
    cursor.execute("SELECT model, min(id) FROM recognition_criteriaset GROUP BY model")
    sets = dict(cursor.fetchall())
    status = """
        CASE WHEN s = 0 THEN 'registered' WHEN s <= 2 THEN 'self_assessed'
             WHEN s = 3 THEN 'returned' WHEN s = 4 THEN 'verified'
             ELSE 'recognised' END,
        make_timestamptz(y, 2, 1, 9, 0, 0, 'Asia/Ho_Chi_Minh'),
        CASE WHEN s >= 1 THEN make_timestamptz(y, 6, 1, 9, 0, 0,
                                               'Asia/Ho_Chi_Minh') END,
        CASE WHEN s >= 4 THEN make_timestamptz(y, 9, 1, 9, 0, 0,
                                               'Asia/Ho_Chi_Minh') END,
        CASE WHEN s = 3 THEN make_timestamptz(y, 8, 1, 9, 0, 0,
                                              'Asia/Ho_Chi_Minh') END,
        CASE WHEN s >= 5 THEN make_timestamptz(y, 11, 1, 9, 0, 0,
                                               'Asia/Ho_Chi_Minh') END,
        false
    """
    columns = """(model, year, subject_key, subject_name, person_id, household_id,
        commune_id, village_id, criteria_set_id, status, registered_at,
        self_assessed_at, verified_at, returned_at, recognised_at, submitted_late)"""
    # 40 % of residents register as learning citizens each year.
    cursor.execute(
        f"""
        INSERT INTO recognition_dossier {columns}
        SELECT 'citizen', y, 'person:' || p.id, p.full_name, p.id, NULL,
               CASE WHEN y < {last} THEN p.old_commune_id ELSE p.commune_id END,
               CASE WHEN y < {last} AND p.old_commune_id <> p.commune_id THEN NULL
                    ELSE p.village_id END,
               %s, {status}
        FROM bench_person p, generate_series({first}, {last}) y,
             LATERAL (SELECT ((p.id * 31 + y) %% 10)::int AS s) x
        WHERE (p.i + y) %% 5 < 2
        """,  # noqa: S608 (numbers and fixed SQL only)
        [sets["citizen"]],
    )
    # 60 % of households register as learning families each year.
    cursor.execute(
        f"""
        INSERT INTO recognition_dossier {columns}
        SELECT 'family', y, 'household:' || h.id, h.name, NULL, h.id,
               h.commune_id, h.village_id, %s, {status}
        FROM recognition_household h, generate_series({first}, {last}) y,
             LATERAL (SELECT ((h.id * 17 + y) %% 10)::int AS s) x
        WHERE (h.id + y) %% 5 < 3
        """,  # noqa: S608
        [sets["family"]],
    )
    cursor.execute(
        f"""
        INSERT INTO recognition_dossier {columns}
        SELECT 'community', y, 'village:' || bv.village_id, 'Thôn', NULL, NULL,
               bv.commune_id, bv.village_id, %s, {status}
        FROM bench_village bv, generate_series({first}, {last}) y,
             LATERAL (SELECT (bv.k + y) %% 10 AS s) x
        """,  # noqa: S608
        [sets["community"]],
    )

    home = ensure_home_page()
    from cms.models import CourseIndexPage, CoursePage

    index = home.add_child(instance=CourseIndexPage(title="Khoá học", slug="bench"))
    courses = [
        index.add_child(
            instance=CoursePage(title=f"Khoá {n}", slug=f"khoa-{n}", summary="s")
        ).pk
        for n in range(20)
    ]
    # A fifth of residents enrol each year (each person once in five years).
    cursor.execute(
        f"""
        INSERT INTO lms_enrolment (learner_id, course_id, commune_id, enrolled_at,
                                   completed_at, percent)
        SELECT p.id, (%s::int[])[1 + (p.i / 5 + y) %% 20],
               CASE WHEN y < {last} THEN p.old_commune_id ELSE p.commune_id END,
               make_timestamptz(y, 1 + p.i %% 12, 1 + p.i %% 28, 9, 0, 0,
                                'Asia/Ho_Chi_Minh'),
               CASE WHEN p.i %% 3 = 0 THEN make_timestamptz(y, 1 + p.i %% 12,
                    1 + p.i %% 28, 9, 0, 0, 'Asia/Ho_Chi_Minh') + interval '30 days'
               END,
               CASE WHEN p.i %% 3 = 0 THEN 100 ELSE 40 END
        FROM bench_person p, generate_series({first}, {last}) y
        WHERE (p.i + y) %% 5 = 0
        """,  # noqa: S608
        [courses],
    )
    # One resident in twenty learns online on twelve days a year.
    cursor.execute(
        f"""
        INSERT INTO lms_dailylearning (learner_id, day, commune_id, online_seconds)
        SELECT p.id, make_date(y, m, 1 + p.i % 28),
               CASE WHEN y < {last} THEN p.old_commune_id ELSE p.commune_id END,
               600 + (p.i * m) % 3000
        FROM bench_person p, generate_series({first}, {last}) y,
             generate_series(1, 12) m
        WHERE p.i % 20 = 0
        """  # noqa: S608
    )
    # Each centre holds 100 classes a year with 25 residents of its commune each.
    cursor.execute(
        f"""
        INSERT INTO lms_classsession (centre_id, topic, date, hours, place,
                                      community_topic, created_at)
        SELECT ce.id, (%s::text[])[1 + n %% 8], make_date(y, 1 + n %% 12, 1 + n %% 28),
               2.0, '', '', now()
        FROM cms_centre ce JOIN cms_commune c ON c.id = ce.commune_id,
             generate_series({first}, {last}) y, generate_series(0, 99) n
        WHERE c.province_id = %s
        """,  # noqa: S608
        [TOPICS, province],
    )
    cursor.execute(
        f"""
        INSERT INTO lms_attendance (session_id, learner_id, present, commune_id,
                                    recorded_at)
        SELECT s.id, p.id, j %% 10 <> 9, p.commune_id, now()
        FROM lms_classsession s
        JOIN cms_centre ce ON ce.id = s.centre_id
        JOIN (SELECT DISTINCT commune_id, ck FROM bench_village) bc
             ON bc.commune_id = ce.commune_id
        CROSS JOIN generate_series(0, 24) j
        JOIN bench_person p
             ON p.i = bc.ck * 10 + j %% 10 + {villages} * ((s.id * 3 + j / 10) %% %s)
        """,  # noqa: S608
        [max(residents // villages, 1)],
    )
    cursor.execute("ANALYZE")
    counts = {}
    for table in [
        "lms_user",
        "recognition_household",
        "recognition_dossier",
        "lms_enrolment",
        "lms_dailylearning",
        "lms_classsession",
        "lms_attendance",
    ]:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    return {"province": "99", "counts": counts}


def timed(fn, rounds: int) -> list[float]:
    result = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        result.append(time.perf_counter() - start)
    return result


def slowest_queries(fn, n: int = 6) -> list[tuple[float, str]]:
    from django.db import connection

    log = []

    def wrapper(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            log.append((time.perf_counter() - start, sql))

    with connection.execute_wrapper(wrapper):
        fn()
    return sorted(log, reverse=True)[:n]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # show progress when redirected

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from lms.reports import exports, presentation, scope
    from lms.reports.figures import build_report
    from lms.reports.summaries import refresh_summaries

    setup_test_environment()
    if connection.vendor != "postgresql":
        sys.exit("Run under .ci/with-postgres: this benchmark needs PostgreSQL.")
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        residents = int(1_000_000 * args.scale)
        start = time.perf_counter()
        with connection.cursor() as cursor:
            info = generate(
                cursor,
                residents=residents,
                households=int(300_000 * args.scale),
                communes=100,
            )
        print(f"generated in {time.perf_counter() - start:.0f} s (not counted):")
        for table, count in info["counts"].items():
            print(f"  {table:24} {count:>10,}")

        province = scope.from_codes(province=info["province"])
        commune = scope.for_commune(province.province.communes.order_by("code")[0])

        def figures(area):
            return lambda: build_report(scope=area, year=LAST_YEAR)

        def xlsx():
            report = build_report(scope=province, year=LAST_YEAR)
            return exports.to_xlsx(report, presentation.tables(report))

        admin = get_user_model().objects.create_superuser(
            username="bench-admin", password="x", email="bench@example.org"
        )
        client = Client()
        client.force_login(admin)
        params = {"province": info["province"], "year": LAST_YEAR}

        def page():
            assert client.get("/bao-cao/", params).status_code == 200

        def export():
            response = client.get("/bao-cao/xuat.xlsx", params)
            assert response.status_code == 200

        print(f"PostgreSQL, {residents:,} residents; median of runs (first run):")

        def show(name, values):
            print(
                f"  {name:54} {statistics.median(values):7.3f} s  ({values[0]:.3f} s)"
            )

        show("live province figures", timed(figures(province), 1))
        show("live province XLSX export (view)", timed(export, 1))
        start = time.perf_counter()
        written = refresh_summaries(years=range(LAST_YEAR - YEARS + 1, LAST_YEAR + 1))
        print(
            f"  refresh_summaries, {YEARS} years: {time.perf_counter() - start:.1f} s,"
            f" {sum(written.values()):,} rows"
        )
        for name, fn in [
            ("province dashboard figures", figures(province)),
            ("province dashboard page (figures, charts, HTML)", page),
            ("province XLSX export (view)", export),
            ("province XLSX export (figures + workbook)", xlsx),
            ("commune dashboard figures", figures(commune)),
            ("whole-platform figures", figures(scope.platform())),
        ]:
            show(name, timed(fn, args.rounds))
        print("slowest queries of one province report (stored figures):")
        for seconds, sql in slowest_queries(figures(province)):
            print(f"  {seconds * 1000:7.1f} ms  {sql[:150]}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
