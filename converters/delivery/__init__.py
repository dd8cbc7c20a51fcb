"""Delivering built editions: the e-reader catalog, the web server, mail."""
