"""Downloader middlewares of newscrawl (one component per module)."""
