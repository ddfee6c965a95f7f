"""SOCIEUX+ action extractor: listings and news items -> validated action records."""

__version__ = "0.1.0"
