"""Draw bar charts from plain tables: content writes a table inside `/// html | div.bar-chart`, we add the bars.

Each body row's last cell must hold a percentage (`35%`); the cell keeps its text and gains a bar whose length is
that share. No script, no third-party request: the bars are plain elements styled by handbook.css.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

CHART_CLASS = "bar-chart"
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


class BarChartError(ValueError):
    """A bar-chart table row has no percentage in its last cell."""


def draw_bars(html: str) -> str:
    """Return the page HTML with a bar added to the last cell of every row of every bar-chart table."""
    if CHART_CLASS not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for chart in soup.select(f"div.{CHART_CLASS}"):
        for row in chart.select("table tbody tr"):
            cells = row.find_all("td")
            if not cells:
                continue
            cell = cells[-1]
            text = cell.get_text(" ", strip=True)
            match = PERCENT.search(text)
            if match is None:
                raise BarChartError(f"bar-chart row '{row.get_text(' ', strip=True)}' has no percentage in its last cell")
            share = min(float(match.group(1)), 100.0)
            cell["class"] = [*cell.get("class", []), "bar-chart__cell"]
            bar = soup.new_tag("span", attrs={"class": "bar-chart__bar", "aria-hidden": "true"})
            bar["style"] = f"--share: {share:g}%"
            cell.append(bar)
    return str(soup)
