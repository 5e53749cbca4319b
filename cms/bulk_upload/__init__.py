"""Bulk upload of open resources: a ZIP of files plus a CSV or XLSX manifest."""
