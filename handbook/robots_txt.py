"""robots.txt for the whole site: allow everything and point crawlers at the bilingual sitemap."""

from __future__ import annotations


def robots_txt(site_url: str) -> str:
    root = site_url if site_url.endswith("/") else site_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {root}sitemap.xml\n"
