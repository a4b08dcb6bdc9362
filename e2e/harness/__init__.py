"""Helpers that drive the real salesd binary, its Varlink socket and the journal."""
