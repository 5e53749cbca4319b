"""Text bound for a spreadsheet must stay text.

Excel and LibreOffice run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and
some read a leading tab or carriage return the same way) as a formula: a session
topic typed as ``=HYPERLINK(...)`` would become a live link in an officer's report.
Every XLSX and CSV the platform writes passes its cells through `neutralise`.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell that could start a formula, prefixed with ``'``; others unchanged.

    Only strings are touched: numbers (``-5`` included) stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(values) -> list:
    return [neutralise(value) for value in values]


def holds_formula(text: str) -> bool:
    """A manifest cell that is a formula (read from XLSX) or typed as one."""
    return text.lstrip().startswith("=")
