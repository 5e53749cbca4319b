from django.apps import AppConfig


class AdminViConfig(AppConfig):
    name = "cms.admin_vi"
    label = "cms_admin_vi"
    verbose_name = "Vietnamese admin catalogues"
