"""Bilingual parity checker for the CMO Handbook (pure, no MkDocs import)."""
