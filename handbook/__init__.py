"""Build helpers for the CMO Handbook site: pure functions the MkDocs hooks call, and the site model (site.py) that
hooks, tests and bench read the site's languages, pages and extensions from."""
