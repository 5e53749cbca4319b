"""Signals other parts listen to, so that recognition never imports them."""

from django.dispatch import Signal

# Sent with ``year`` when a decision recognises dossiers or one is revoked, inside
# the transaction that records it (lms.reports refreshes its stored figures).
decision_recorded = Signal()
