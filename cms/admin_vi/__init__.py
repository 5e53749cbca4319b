"""Vietnamese translations of the Wagtail admin that Wagtail itself lacks.

The app holds catalogues only. It is listed before the Wagtail apps in
``INSTALLED_APPS`` so that Django prefers its messages to Wagtail's own. It must
not mark strings of its own for translation: ``makemessages`` would then treat
``locale/`` here as this app's catalogue and drop every Wagtail message from it.
"""
