"""Storage: SQLAlchemy models, engine from URL, upserts, migrations. No Scrapy imports."""
