"""Checks on the built site: links, external resources, reproducibility."""
