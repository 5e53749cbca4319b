from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "lms.recognition"
    label = "recognition"
    verbose_name = _("Learning models recognition")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.recognition.services.evidence_files import delete_evidence_file

        post_delete.connect(
            delete_evidence_file,
            sender=self.get_model("Evidence"),
            dispatch_uid="recognition.delete_evidence_file",
        )
