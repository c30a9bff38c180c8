"""checker: a cross-source fact-consistency checker for news articles."""

__version__ = "0.1.0"
