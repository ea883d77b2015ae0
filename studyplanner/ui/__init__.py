"""The GUI, one folder (room) per screen plus `shared` (see docs/architecture.md)."""
