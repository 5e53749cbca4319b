"""Collect Content-Security-Policy violations a page reports in Chromium."""

WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`)
);
"""


def watch(page) -> list[str]:
    """Start watching ``page``; the returned list fills with console CSP errors."""
    console: list[str] = []
    page.add_init_script(WATCH)
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and console.append(message.text)
        ),
    )
    return console


def violations(page, console: list[str]) -> list[str]:
    return [*page.evaluate("window.__cspViolations || []"), *console]
