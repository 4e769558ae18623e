"""A one-character repair of Material's search worker (9.8.1) so Chinese queries are split into whole words.

The worker splits a Chinese query into terms found in the index, but its loop stops one character short
(`o<t.length`), so it never tries a term that ends at the query's last character: 运营总监职责 became
运营* 总监* 职, and 提成 became 提. We let the loop reach the end (`o<=t.length`).

If a Material upgrade changes the worker, the pattern is not found and the build says so (strict fails), so the
repair cannot silently stop working; then check whether the upstream bug is fixed and drop this module.
"""

from __future__ import annotations

BUGGY = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


class SearchWorkerPatternMissing(Exception):
    """The worker no longer contains the loop we repair."""


def repair_query_segmentation(worker_js: str) -> str:
    if FIXED in worker_js:
        return worker_js
    if worker_js.count(BUGGY) != 1:
        raise SearchWorkerPatternMissing(
            "Material's search worker does not contain the Chinese query-splitting loop this site repairs "
            f"({BUGGY!r}); Material has changed: check Chinese search and update handbook/search_worker.py"
        )
    return worker_js.replace(BUGGY, FIXED)
