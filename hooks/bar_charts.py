"""MkDocs hook: turn tables inside `div.bar-chart` blocks into bar charts (see handbook/bar_charts.py).

Why a hook: no Markdown extension or Material setting draws a chart from a table without a script, and a chart
script would be the first view's only script file; the bars are plain elements styled by handbook.css.
"""

from __future__ import annotations

import logging

from handbook.bar_charts import BarChartError, draw_bars

log = logging.getLogger("mkdocs.plugins.handbook.bar_charts")


def on_page_content(html, page, config, files):
    try:
        return draw_bars(html)
    except BarChartError as error:
        log.warning(f"{page.file.src_uri}: {error}")
        return html
