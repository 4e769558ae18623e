"""The Pages-like loopback server the tests and bench/ share (tests/site_server.py)."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

from tests.site_server import SiteServer, free_port


def fetch(url: str, encoding: str = "identity") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_serves_under_the_sub_path_gzips_text_and_answers_a_missing_page_with_404_html(tmp_path):
    (tmp_path / "role").mkdir()
    (tmp_path / "role" / "index.html").write_text("<p>role</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>missing</p>", encoding="utf-8")
    with SiteServer(tmp_path, free_port()) as server:
        status, headers, body = fetch(server.url + "role/", "gzip")
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == b"<p>role</p>"
        assert fetch(server.url + "role/")[2] == b"<p>role</p>", "no gzip for a client that does not accept it"
        status, _, body = fetch(server.url + "no-such-page/")
        assert (status, body) == (404, b"<p>missing</p>")
        assert fetch(server.url.replace("/cmo-handbook/", "/") + "role/")[0] == 404, "only the sub-path is the site"
    with SiteServer(tmp_path, free_port(), gzip=False) as server:
        assert "Content-Encoding" not in fetch(server.url + "role/", "gzip")[1]
