"""Pure extraction: (html, url, profile) -> data. No network, no database, no Scrapy engine."""
