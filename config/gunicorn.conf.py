"""Gunicorn settings for `make serve` and deploy/passage.service; every knob can be set from the environment.

Processes, one thread each: an answer is a few milliseconds of Python, and Python threads in one process
take turns on one lock (the GIL), so a thread back from a short database query waits for whichever thread
is rendering (bench, 2 cores, PostgreSQL, 4 workers: open-loop p99 3.4 s with 4 threads each, 50 ms with
one). Two processes per core keep the cores busy while others wait on the database. spaCy is never
imported here or at start-up (only when a teacher asks for generation), so each worker stays small (~65 MB).
"""

import gc
import os

# Loopback by default: a TLS-terminating proxy (Caddy or nginx, see deploy/) sits in front. On an app server
# behind a proxy on another machine set BIND=0.0.0.0:8000 and FORWARDED_ALLOW_IPS to the proxy's address, and
# firewall the port so that only the proxy reaches it.
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
DEFAULT_WORKERS = min(2 * (os.cpu_count() or 1), 8)
workers = int(os.environ.get("WEB_CONCURRENCY", DEFAULT_WORKERS))
worker_class = "gthread"  # keeps browsers' connections open between requests, unlike the sync worker
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Whose X-Forwarded-* gunicorn itself believes (its wsgi.url_scheme). Django reads X-Forwarded-Proto itself
# (SECURE_PROXY_SSL_HEADER) from any peer, so only the proxy must be able to reach this port (README).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Load Django once in the master so a broken setting fails at start, not in every worker, and so workers
# share the imported code pages. Database connections are opened lazily, after the fork.
preload_app = True


# Django's own objects, loaded once in the master, live as long as the worker: move them out of the garbage
# collector's sight before forking (the recipe in the gc.freeze docs). Each full collection in a worker then
# scans only what the worker made itself: in-process, an answer's CPU fell from 3.1 to 2.2 ms on SQLite
# and 4.6 to 3.3 ms on PostgreSQL. It also keeps the shared pages shared (no refcount writes from the GC).
gc.disable()


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    gc.enable()


# Recycle workers now and then so a slow leak can never grow without bound; jitter avoids all at once.
# Not too often: a fresh worker starts cold (templates, each quiz's questions, its database connection), and
# a class answering together makes thousands of requests a minute.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
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
