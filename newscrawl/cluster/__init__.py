"""Scaling out: many crawl workers sharing one frontier through scrapy-redis.

With ``NEWSCRAWL_REDIS_URL`` (``--redis``), workers on one or many machines take
requests from one queue in Redis (scrapy-redis' scheduler and dupefilter, with
persistence) and store into one PostgreSQL database. Where each part of a
crawl's state lives when scaled out:

- queue and request dupefilter: Redis (:mod:`newscrawl.cluster.scheduler`); a
  request a worker took stays leased in Redis until its page is parsed and its
  article stored, so a killed worker loses nothing (:mod:`newscrawl.cluster.queue`);
- seen URLs, seeding, first copies, site clocks, near-duplicate signatures:
  Redis (:mod:`newscrawl.cluster.shared`);
- stored articles, the incremental known set, signatures of earlier crawls, page
  validators, crawl_runs (one row per worker): PostgreSQL;
- workers, their heartbeat and stats, when the crawl is complete: Redis
  (:mod:`newscrawl.cluster.worker`, :mod:`newscrawl.cluster.crawls`);
- the per-site lock: the crawl's keys in Redis are the cluster-wide one (a site
  has one crawl at a time there); each machine's process that starts workers
  also holds the site's local lock file, so a plain run there waits its turn;
- the job log: none (``--jobdir`` is for one process; the Redis queue is the
  durable state, and a stopped distributed crawl resumes from it).
"""
