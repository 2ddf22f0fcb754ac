"""ExitBot Desktop: AI-assisted exit interviews that never leave this computer."""

__version__ = "0.1.0"
