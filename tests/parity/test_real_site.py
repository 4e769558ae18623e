"""The real handbook passes the parity check, page pair by page pair of nav."""

from __future__ import annotations

from parity.checker import check_site
from parity.config import load_site_config
from tests.parity.conftest import ROOT
from tests.site_pages import SITE


def test_real_site_has_no_parity_findings():
    result = check_site(load_site_config(ROOT / "mkdocs.yml", use_cache=False))
    assert sorted(pair.rel for pair in result.pairs) == sorted(SITE.pages)
    findings = [finding.render() for finding in result.findings]
    assert not findings, f"{len(findings)} parity finding(s):\n" + "\n".join(findings)  # each one, not only the first
