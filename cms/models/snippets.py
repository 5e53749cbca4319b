"""Reference data that editors manage as snippets: subjects, target groups, licences,
institutions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Subject(index.Indexed, models.Model):
    """A subject area a course or resource belongs to (Nông nghiệp, Sức khoẻ, ...)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def __str__(self):
        return self.name


class TargetGroup(models.Model):
    """A group of people a course is written for (farmers, elderly people, ...)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self):
        return self.name


class Licence(models.Model):
    """A licence open resources are published under (CC BY, CC BY-SA, public domain)."""

    code = models.CharField(_("short code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=150)
    url = models.URLField(_("licence text URL"), blank=True)
    explanation = models.TextField(
        _("short explanation"),
        blank=True,
        help_text=_("In plain Vietnamese: what a reader may do with the material."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self):
        return self.code


class Institution(models.Model):
    """A university or college that contributes open materials."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self):
        return self.short_name or self.name
