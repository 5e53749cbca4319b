"""Wagtail admin hooks for the media pipeline (imported by cms.apps.CmsConfig.ready).

Kept out of cms/wagtail_hooks.py so the pipeline stays one package.
"""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import LessonMedia
from cms.models.media import MediaCaption

from . import admin
from .pipeline import RENDITIONS_ROOT, delete_tree


@hooks.register("register_admin_urls")
def register_media_status_urls():
    return [
        path(
            "media-status/",
            include((admin.urlpatterns, "media_status"), namespace="media_status"),
        )
    ]


class MediaStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return admin._policy().user_has_permission(request.user, "change")


@hooks.register("register_admin_menu_item")
def register_media_status_menu_item():
    return MediaStatusMenuItem(
        _("Media processing"),
        reverse("media_status:index"),
        name="media-processing",
        icon_name="media",
        order=310,
    )


class MediaCaptionViewSet(SnippetViewSet):
    model = MediaCaption
    icon = "media"
    menu_label = _("Captions")
    list_display = ["label", "media", "language"]
    panels = [FieldPanel("media"), FieldPanel("language"), FieldPanel("label"),
              FieldPanel("file")]  # fmt: skip


register_snippet(MediaCaptionViewSet)


@receiver(post_delete, sender=LessonMedia, dispatch_uid="delete_media_renditions")
def delete_renditions(sender, instance, **kwargs):
    prefix = f"{RENDITIONS_ROOT}/{instance.pk}"
    transaction.on_commit(lambda: delete_tree(prefix))
