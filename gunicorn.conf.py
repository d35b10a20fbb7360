"""gunicorn settings for the Copa Perú archive: `gunicorn -c gunicorn.conf.py` (scripts/serve does this).

Every value can be overridden from the environment, so each server of a multi-server deployment uses this same
file: WEB_CONCURRENCY (workers), GUNICORN_BIND, GUNICORN_TIMEOUT.
"""

import multiprocessing
import os

wsgi_app = "copaperu_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Pages are rendered synchronously and mostly wait on the database or cache: two workers per core plus one keeps
# each core busy while another worker waits.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# A page that takes 30 s is broken: kill the worker rather than let requests queue behind it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On a deploy or restart, requests in flight get this long to finish.
graceful_timeout = 30
# Behind nginx, keep-alive connections from the proxy are reused.
keepalive = 5
# Load Django once in the master and fork: faster worker start and shared memory. Django opens no database
# connection at import, so no connection is shared between workers.
preload_app = True
# Recycle workers now and then, so a slow memory leak can never take a server down; rarely, since a fresh worker
# pays for loading templates and opening connections on its first requests (a latency spike under load).
max_requests = 20000
max_requests_jitter = 2000
# Access and error logs to stdout/stderr for the service manager's journal; %(M)s is the response time in ms.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
# X-Forwarded-* headers are trusted only from the reverse proxy on this machine.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No control socket: it lives at one path per user, so two servers on one host (or the bench beside a running
# site) would fight over it, and nothing here uses gunicornc.
control_socket_disable = True
