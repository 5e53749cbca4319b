"""Fixtures for the reports tests: officers of each level and a small library."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.roles import Role, group_for
from cms.models import (
    Commune,
    Institution,
    Licence,
    OpenResourcePage,
    ResourceLibraryPage,
)


@pytest.fixture
def make_officer(db):
    counter = iter(range(100, 999))

    def make(role: Role | None, commune: Commune, **extra):
        user = get_user_model().objects.create_user(
            phone=f"0987654{next(counter)}",
            password="mat-khau-1",
            full_name="Cán bộ",
            commune=commune,
            **extra,
        )
        if role is not None:
            user.groups.add(group_for(role))
        return user

    return make


@pytest.fixture
def neighbour_commune(db, commune):
    """Another commune of the same province as ``commune``."""
    return (
        Commune.objects.current()
        .filter(province=commune.province)
        .exclude(pk=commune.pk)
        .order_by("code")
        .first()
    )


@pytest.fixture
def library(home_page):
    """Three live resources (two institutions, two licences) and a draft one."""
    root = home_page.add_child(
        instance=ResourceLibraryPage(title="Thư viện", slug="thu-vien")
    )
    by = Licence.objects.create(code="CC BY", name="Ghi công")
    sa = Licence.objects.create(code="CC BY-SA", name="Ghi công, chia sẻ tương tự")
    hue = Institution.objects.create(name="Đại học Huế")
    tn = Institution.objects.create(name="Đại học Thái Nguyên")
    pages = {}
    for slug, licence, institution in [
        ("a", by, hue),
        ("b", by, hue),
        ("c", sa, tn),
    ]:
        pages[slug] = root.add_child(
            instance=OpenResourcePage(
                title=f"Tài liệu {slug}",
                slug=f"tai-lieu-{slug}",
                summary="Tóm tắt",
                licence=licence,
                institution=institution,
                first_published_at=timezone.now(),
            )
        )
    draft = OpenResourcePage(
        title="Bản nháp", slug="ban-nhap", summary="x", licence=sa, live=False
    )
    pages["draft"] = root.add_child(instance=draft)
    return pages
