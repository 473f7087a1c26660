"""Build the annotated edition: load -> clean -> segment -> annotate -> render -> write."""
