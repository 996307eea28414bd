"""Interoperability: Mermaid journeys, JSON and CSV exports."""
