"""Centre staff publish a video or audio lesson from a phone (/quan-ly/bai-hoc-video/).

A course of their centre, a recording, a title, a few lines and maybe a short quiz in;
a lesson page (draft, or published where their page rights allow and they ask) out,
its media going through the transcoding pipeline. ``services`` writes,
``selectors`` reads, ``status`` words the progress, ``views`` stays thin.
"""
