"""Benchmarks and the loopback server they and the tests use (not part of the build)."""
