"""Gunicorn settings for `make serve` and deploy/passage.service; every knob can be set from the environment.

Threads (gthread) rather than more processes: a quiz request mostly waits on the database, and each extra
process costs a full copy of Django. spaCy is never imported here or at start-up (only when a teacher asks
for generation), so the workers that serve students stay small.
"""

import os

# Loopback by default: a TLS-terminating proxy (Caddy or nginx, see deploy/) sits in front. On an app server
# behind a proxy on another machine set BIND=0.0.0.0:8000 and FORWARDED_ALLOW_IPS to the proxy's address.
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
# SQLite has one writer at a time: with several threads per process, the thread holding the write lock waits
# for the GIL behind threads that are rendering, and answers queue (bench, 2 cores: 55 -> 91 answers/s with
# one thread). So on SQLite one thread per process, processes ~ cores; PostgreSQL keeps four.
_sqlite = not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql"))
threads = int(os.environ.get("GUNICORN_THREADS", "1" if _sqlite else "4"))
# Only the proxy may tell us the original scheme (X-Forwarded-Proto) and client address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Load Django once in the master so a broken setting fails at start, not in every worker, and so workers
# share the imported code pages. Database connections are opened lazily, after the fork.
preload_app = True
# Recycle workers now and then so a slow leak can never grow without bound; jitter avoids all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Question generation (admin, on demand) may take a few seconds on a long article; answers take milliseconds.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "passage"
# Gunicorn 25+ opens a control socket at one per-user path (~/.gunicorn/gunicorn.ctl), which two instances
# on one machine (a benchmark beside a server) would fight over; systemd's signals are all we use.
control_socket_disable = True
