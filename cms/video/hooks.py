"""Wagtail admin hooks for the media pipeline (imported by cms.apps.CmsConfig.ready).

Kept out of cms/wagtail_hooks.py so the pipeline stays one package.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet
from wagtailmedia.permissions import permission_policy as media_policy

from cms.models import AudioTrack, LessonMedia
from cms.models.media import MediaCaption

from . import admin
from .audio_tracks import request_track
from .pipeline import RENDITIONS_ROOT, delete_tree
from .services import request_playlists
from .track_admin import AudioTrackAdminForm, CaptionAdminForm


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


class OwnMediaPolicy(ModelPermissionPolicy):
    """The model right, and only on rows of videos the person may change."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and user.has_perm(
            "cms.add_media_track", instance.media
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance)
            for action in actions
        )


register_permission_policy(AudioTrack, OwnMediaPolicy(AudioTrack))
register_permission_policy(MediaCaption, OwnMediaPolicy(MediaCaption))


def _guarded(view_class, action: str):
    """The snippet view, refusing rows of videos the person may not change."""

    class Guarded(view_class):
        def get_object(self, queryset=None):
            row = super().get_object(queryset)
            if not self.permission_policy.user_has_permission_for_instance(
                self.request.user, action, row
            ):
                raise PermissionDenied
            return row

    return Guarded


class OwnMediaViewSet(SnippetViewSet):
    """Lists, edits and deletes only what belongs to videos one may change."""

    edit_view_class = _guarded(EditView, "change")
    delete_view_class = _guarded(DeleteView, "delete")

    def get_queryset(self, request):
        changeable = media_policy.instances_user_has_permission_for(
            request.user, "change"
        )
        return self.model._default_manager.filter(media__in=changeable)


class MediaCaptionViewSet(OwnMediaViewSet):
    model = MediaCaption
    icon = "media"
    menu_label = _("Captions")
    list_display = ["label", "media", "language", "on_by_default"]
    edit_handler = ObjectList(
        [FieldPanel("media"), FieldPanel("language"), FieldPanel("label"),
         FieldPanel("file"), FieldPanel("on_by_default")],
        base_form_class=CaptionAdminForm,
    )  # fmt: skip


register_snippet(MediaCaptionViewSet)


class AudioTrackViewSet(OwnMediaViewSet):
    model = AudioTrack
    icon = "media"
    menu_label = _("Dubbed audio tracks")
    list_display = ["media", "language", "status"]
    edit_handler = ObjectList(
        [FieldPanel("media"), FieldPanel("language"), FieldPanel("recording")],
        base_form_class=AudioTrackAdminForm,
    )


register_snippet(AudioTrackViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def process_languages(request, instance):
    """A new or changed track is made again; subtitles go into a new master."""
    if isinstance(instance, AudioTrack):
        request_track(track=instance)
    elif isinstance(instance, MediaCaption):
        request_playlists(media=instance.media)


@hooks.register("after_delete_snippet")
def drop_languages(request, instances):
    for instance in instances:
        if isinstance(instance, AudioTrack | MediaCaption):
            request_playlists(media=instance.media)


@receiver(post_delete, sender=LessonMedia, dispatch_uid="delete_media_renditions")
def delete_renditions(sender, instance, **kwargs):
    prefix = f"{RENDITIONS_ROOT}/{instance.pk}"
    transaction.on_commit(lambda: delete_tree(prefix))
