"""Bashtag: a terminal game that trains people to handle a social-media crisis."""

__version__ = "0.4.0"
