"""Annotation: editorial notes and mentions as spans, and the checks on what the indexes reach."""
