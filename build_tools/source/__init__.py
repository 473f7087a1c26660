"""Reading and structuring the received text: load and validate, clean, segment, number."""
