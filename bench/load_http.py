"""A minimal asyncio HTTP/1.1 client: keep-alive when the server allows it, a few microseconds per request.

httpx would do, but on a 2-core machine shared with the server the load generator's own CPU matters; this
client parses only what the benchmark reads (status, headers, Content-Length or chunked bodies).
"""

import asyncio
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

FORWARDED = "X-Forwarded-Proto: https\r\n"  # production settings redirect plain http otherwise
IDLE_REUSE_SECONDS = 1.0  # below gunicorn's keepalive (5 s in config/gunicorn.conf.py)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str]
    body: bytes


@dataclass
class Session:
    """One browser: its cookies, and the CSRF token HTMX sends as a header."""

    cookies: dict[str, str] = field(default_factory=dict)

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    @property
    def csrf(self) -> str:
        return self.cookies.get("csrftoken", "")


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.last_used = 0.0

    async def request(
        self,
        method: str,
        path: str,
        *,
        session: Session | None = None,
        headers: dict | None = None,
        body: bytes = b"",
    ) -> Reply:
        if self.writer is not None and time.monotonic() - self.last_used > IDLE_REUSE_SECONDS:
            self.close()  # the server may have dropped it (keep-alive timeout); never resend a POST
        if self.writer is None or self.reader is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        reader = self.reader
        self.writer.write(_encode(method, path, f"{self.host}:{self.port}", session, headers or {}, body))
        try:
            reply, keep_alive = await _read_reply(reader, method)
        except BaseException:
            self.close()
            raise
        self.last_used = time.monotonic()
        if not keep_alive:
            self.close()
        if session is not None:
            session.cookies.update(reply.cookies)
        return reply

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _encode(method, path, host, session, headers, body) -> bytes:
    lines = [f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n{FORWARDED}"]
    if session is not None and session.cookies:
        lines.append(f"Cookie: {session.cookie_header()}\r\n")
    for name, value in headers.items():
        lines.append(f"{name}: {value}\r\n")
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}\r\n")
    lines.append("\r\n")
    return "".join(lines).encode("latin-1") + body


async def _read_reply(reader: asyncio.StreamReader, method: str) -> tuple[Reply, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    headers: dict[str, str] = {}
    cookies: dict[str, str] = {}
    for line in header_lines:
        if not line:
            continue
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        if name == "set-cookie":
            cookies.update({key: morsel.value for key, morsel in SimpleCookie(value).items()})
        headers[name] = value
    body = await _read_body(reader, method, status, headers)
    keep_alive = headers.get("connection", "").lower() != "close"
    return Reply(status, headers, cookies, body), keep_alive


async def _read_body(reader, method, status, headers) -> bytes:
    if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
        return b""
    if "content-length" in headers:
        return await reader.readexactly(int(headers["content-length"]))
    if headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunks.append(await reader.readexactly(size + 2))
            if size == 0:
                return b"".join(chunks)
    return await reader.read()  # until the server closes the connection


class Pool:
    """Connections shared by many sessions (the open loop's thousand browsers), at most `size` at once."""

    def __init__(self, host: str, port: int, size: int) -> None:
        self.host, self.port = host, port
        self.idle: list[Connection] = []
        self.slots = asyncio.Semaphore(size)

    async def request(self, method: str, path: str, **kwargs) -> Reply:
        async with self.slots:
            connection = self.idle.pop() if self.idle else Connection(self.host, self.port)
            reply = await connection.request(method, path, **kwargs)
            self.idle.append(connection)
            return reply

    def close(self) -> None:
        for connection in self.idle:
            connection.close()
