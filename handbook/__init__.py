"""Build helpers for the CMO Handbook site: pure functions the MkDocs hooks call."""
