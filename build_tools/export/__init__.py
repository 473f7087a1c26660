"""Exports from the model: JSON, CSV, plain text, Akoma Ntoso, the print edition and its PDF."""
