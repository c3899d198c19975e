"""Fetching a list of addresses, politely and safely — standard library only, no Django.

`fetch_pages(urls, policy)` yields a `Page` for each address it could read and a `FetchFailure`
(with the reason) for each it could not:

- robots.txt is read once per site and honoured for our user agent; a robots.txt that does not
  exist allows everything, one that fails (5xx, unreachable) allows nothing;
- requests to one host are spaced by `per_host_interval` seconds;
- each request has a timeout for connecting and for each read, and an overall deadline;
- a body larger than `max_bytes` is abandoned, never read whole; only HTML is kept;
- the address a name resolves to is checked before connecting — private, loopback,
  link-local, shared, reserved and multicast addresses are refused unless inside
  `allowed_networks` — and the connection is made to that checked address (the Host header and
  TLS name stay the name), so a second DNS answer cannot swap in an internal address; every
  redirect is checked the same way.

The clock and the sleep are injectable, so tests run without waiting.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from tribune.reprints.core.pages import MAX_PAGE_BYTES, Page, decode_html

USER_AGENT = "TribuneReprints/1.0"
_REDIRECTS = (301, 302, 303, 307, 308)
_Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = USER_AGENT
    timeout: float = 10.0  # seconds, to connect and for each read
    deadline: float = 30.0  # seconds, for one page with its redirects
    max_bytes: int = MAX_PAGE_BYTES
    per_host_interval: float = 1.0  # seconds between two requests to one host
    max_redirects: int = 5
    allowed_networks: tuple[_Network, ...] = field(default_factory=tuple)

    @classmethod
    def allowing(cls, *networks: str, **options) -> FetchPolicy:
        return cls(allowed_networks=tuple(ipaddress.ip_network(n, strict=False) for n in networks), **options)


@dataclass(frozen=True, slots=True)
class FetchFailure:
    url: str
    reason: str


class _Refused(Exception):
    pass


def _checked_address(host: str, port: int, policy: FetchPolicy) -> str:
    """The first address of `host` that we may connect to; refuses if any answer is internal
    (a name that resolves to both a public and a private address is not to be trusted)."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise _Refused(f"cannot resolve {host}: {error}") from error
    addresses = []
    for *_, sockaddr in answers:
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if getattr(address, "ipv4_mapped", None):
            address = address.ipv4_mapped
        allowed = any(address in network for network in policy.allowed_networks)
        if not allowed and not address.is_global:
            raise _Refused(f"{host} resolves to {address}, a non-public address")
        addresses.append(str(address))
    if not addresses:
        raise _Refused(f"cannot resolve {host}")
    return addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


@dataclass
class _Response:
    status: int
    content_type: str | None
    location: str | None
    body: bytes


class Fetcher:
    def __init__(
        self,
        policy: FetchPolicy,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.policy = policy
        self._clock = clock
        self._sleep = sleep
        self._next_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def _wait_turn(self, host: str) -> None:
        now = self._clock()
        ready = self._next_request.get(host, now)
        if ready > now:
            self._sleep(ready - now)
            now = ready
        self._next_request[host] = now + self.policy.per_host_interval

    def _address(self, url: str) -> tuple[str, int, str]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise _Refused(f"not an http(s) address: {url}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return parts.hostname, port, _checked_address(parts.hostname, port, self.policy)

    def _get(self, url: str, deadline: float) -> _Response:
        parts = urlsplit(url)
        _, port, address = self._address(url)
        self._wait_turn(parts.hostname)
        timeout = max(0.1, min(self.policy.timeout, deadline - self._clock()))
        kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        connection = kind(parts.hostname, port, address, timeout)
        try:
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            connection.request(
                "GET",
                path,
                headers={
                    "User-Agent": self.policy.user_agent,
                    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                    "Accept-Encoding": "identity",
                    "Connection": "close",
                },
            )
            response = connection.getresponse()
            length = response.getheader("Content-Length")
            if length and length.isascii() and length.isdigit() and int(length) > self.policy.max_bytes:
                raise _Refused(f"larger than {self.policy.max_bytes} bytes")
            chunks, size = [], 0
            while chunk := response.read(65536):
                size += len(chunk)
                if size > self.policy.max_bytes:
                    raise _Refused(f"larger than {self.policy.max_bytes} bytes")
                if self._clock() > deadline:
                    raise _Refused("too slow")
                chunks.append(chunk)
            return _Response(
                response.status, response.getheader("Content-Type"), response.getheader("Location"), b"".join(chunks)
            )
        except (OSError, http.client.HTTPException) as error:
            raise _Refused(f"{type(error).__name__}: {error}") from error
        finally:
            connection.close()

    def _allowed_by_robots(self, url: str, deadline: float) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            try:
                response = self._get(site + "/robots.txt", deadline)
            except _Refused:
                self._robots[site] = None
            else:
                parser = urllib.robotparser.RobotFileParser()
                if response.status >= 500:
                    self._robots[site] = None
                elif response.status >= 400 or response.status in _REDIRECTS:
                    parser.parse([])
                    self._robots[site] = parser
                else:
                    parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
                    self._robots[site] = parser
        parser = self._robots[site]
        return parser is not None and parser.can_fetch(self.policy.user_agent, url)

    def fetch(self, url: str) -> Page | FetchFailure:
        deadline = self._clock() + self.policy.deadline
        try:
            for _ in range(self.policy.max_redirects + 1):
                self._address(url)  # refuse an internal address before anything is sent, robots.txt included
                if not self._allowed_by_robots(url, deadline):
                    return FetchFailure(url, "disallowed by robots.txt")
                response = self._get(url, deadline)
                if response.status in _REDIRECTS and response.location:
                    url = urljoin(url, response.location)
                    continue
                if response.status != 200:
                    return FetchFailure(url, f"HTTP {response.status}")
                kind = (response.content_type or "text/html").split(";", 1)[0].strip().lower()
                if kind not in ("text/html", "application/xhtml+xml"):
                    return FetchFailure(url, f"not HTML ({kind})")
                return Page(url=url, html=decode_html(response.body, response.content_type))
            return FetchFailure(url, "too many redirects")
        except _Refused as refusal:
            return FetchFailure(url, str(refusal))


def fetch_pages(urls: Iterable[str], policy: FetchPolicy, **fetcher_options) -> Iterator[Page | FetchFailure]:
    fetcher = Fetcher(policy, **fetcher_options)
    for url in urls:
        url = url.strip()
        if url and not url.startswith("#"):
            yield fetcher.fetch(url)
