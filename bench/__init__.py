"""Benchmarks: they print figures and never fail the build (site_report: weight and Lighthouse; parity_bench)."""
