"""Start and stop the production server (gunicorn, config/gunicorn.conf.py, DEBUG=false) for one bench run."""

import asyncio
import os
import signal
import socket
import subprocess  # noqa: S404 - runs our own gunicorn and manage.py, never user input
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.load_http import Connection

PROJECT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
START_TIMEOUT_SECONDS = 60


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    log_path: Path
    peak_rss_mb: dict[int, float] = field(default_factory=dict)

    def worker_pids(self) -> list[int]:
        return _children(self.process.pid)

    def sample_rss(self) -> None:
        """Remember each worker's largest resident size (workers may be recycled by max_requests)."""
        for pid in self.worker_pids():
            rss = rss_mb(pid)
            if rss is not None:
                self.peak_rss_mb[pid] = max(rss, self.peak_rss_mb.get(pid, 0.0))

    def workers_mapping(self, needle: str) -> list[int]:
        """Workers with a file containing `needle` mapped (e.g. spaCy's compiled modules once imported)."""
        found = []
        for pid in self.worker_pids():
            try:
                if needle in Path(f"/proc/{pid}/maps").read_text():
                    found.append(pid)
            except OSError:
                continue
        return found

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(
    *, database_url: str, workers: int, workdir: Path, port: int, redis_url: str = ""
) -> dict[str, str]:
    """The production server's environment. The cache is the database's own unless `redis_url` is given
    (the PostgreSQL run, when REDIS_URL is set: the multi-server set-up); its keys get a prefix of their
    own, so a shared Redis keeps nothing from one run to the next."""
    env = {
        key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    if redis_url:
        env.update(REDIS_URL=redis_url, CACHE_KEY_PREFIX="passage-bench-" + os.urandom(6).hex())
    env.update(
        DEBUG="false",
        SECRET_KEY="bench-" + os.urandom(24).hex(),
        ALLOWED_HOSTS="127.0.0.1",
        PASSAGE_BENCH_VIEWS="1",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(workdir / "static"),
        WEB_CONCURRENCY=str(workers),
        BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESS_LOG="",  # an access line per request would cost the shared CPU
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True)  # noqa: S603  # nosec B603


@contextmanager
def running_server(env: dict[str, str], port: int, log_path: Path):
    """Yield a started server; always stop its whole process group, even on errors or Ctrl-C."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 - the venv gunicorn, fixed argv  # nosec B603
            [str(GUNICORN), "-c", "config/gunicorn.conf.py", "config.wsgi:application"],
            cwd=PROJECT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        server = Server(port=port, process=process, log_path=log_path)
        try:
            asyncio.run(_wait_until_serving(server))
            yield server
        finally:
            _stop(process)


async def _wait_until_serving(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited at start-up:\n{server.log_tail()}")
        try:
            reply = await Connection("127.0.0.1", server.port).request("GET", "/bench/ok")
            if reply.status == 200 and len(server.worker_pids()) > 0:
                return
        except OSError:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {START_TIMEOUT_SECONDS} s:\n{server.log_tail()}")


def _stop(process: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _children(pid: int) -> list[int]:
    pids = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return sorted(set(pids))


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
