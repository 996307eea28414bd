"""One module per command; each has ``run(...) -> int`` and knows nothing of click."""
