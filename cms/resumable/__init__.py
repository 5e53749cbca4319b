"""Resumable uploads with the tus 1.0 protocol (core, creation, termination).

``service`` keeps the state (offsets in the database, chunks in the private storage);
``protocol`` speaks tus over HTTP and leaves "who may upload" to the view using it.
"""
