"""Fetching pages and feeds over HTTP(S) with limits (httpx).

Every request has a connect/read timeout, a deadline for the whole transfer (a server that drips one
byte a second never holds a run), a size limit counted on the *decoded* bytes (a gzip bomb stops at
the limit, decompressed a bounded piece at a time), at most five redirects (a loop is reported), and
only ``http``/``https`` URLs (no ``file:``). Failures are ``FetchError``s whose message a user can act on.
"""

from __future__ import annotations

import email.message
import time
import zlib
from dataclasses import dataclass, field
from typing import Any

MAX_BYTES = 5 * 1024 * 1024
"""A news page or feed is well under a megabyte; 5 MB leaves room for heavy pages."""
TIMEOUT = 15.0
"""Seconds to connect, or between two pieces of an answer."""
DEADLINE = 60.0
"""Seconds for a whole request, however steadily the server drips."""
MAX_REDIRECTS = 5
USER_AGENT = "newsdesk/0.1 (terminal news reader; feed fetcher)"
_CHUNK = 16384


class FetchError(Exception):
    """A URL could not be fetched; ``str(err)`` says why in one line."""


@dataclass(frozen=True)
class Response:
    """A fetched answer: final URL after redirects, status, the headers that matter, decoded body."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        """The server said the resource has not changed since the conditional request's validators."""
        return self.status == 304


def check_url(url: str) -> str:
    """The URL stripped, if it is an http(s) URL with a host.

    Raises:
        FetchError: another scheme (``file:``, ``ftp:``, ``javascript:``) or no host.
    """
    import httpx

    url = url.strip()
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https"):
        shown = parsed.scheme or "none"
        raise FetchError(f"only http and https URLs are fetched (scheme: {shown})")
    if not parsed.host:
        raise FetchError("the URL has no host")
    return url


class Fetcher:
    """One HTTP client shared by the threads of a run (httpx's ``Client`` is thread-safe).

    Args:
        timeout: seconds to connect or between two reads.
        deadline: seconds for a whole request.
        max_bytes: the largest body accepted, after decompression.
    """

    def __init__(
        self, timeout: float = TIMEOUT, deadline: float = DEADLINE, max_bytes: int = MAX_BYTES
    ) -> None:
        import httpx

        self.deadline = deadline
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        """GET a URL, conditionally when validators are given.

        Returns:
            The response; ``status`` 304 (``not_modified``) with an empty body when unchanged.

        Raises:
            FetchError: refused scheme, network failure, timeout, redirect loop, HTTP error status,
                a body over the size limit, or a compressed body that cannot be decoded.
        """
        import httpx

        url = check_url(url)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as answer:
                final = str(answer.url)
                check_url(final)
                if answer.status_code == 304:
                    return self._response(answer, b"")
                if answer.status_code >= 400:
                    phrase = answer.reason_phrase or ""
                    raise FetchError(f"HTTP {answer.status_code} {phrase}".rstrip())
                length = answer.headers.get("content-length", "")
                if length.isdigit() and int(length) > self.max_bytes:
                    raise FetchError(self._too_large(int(length)))
                body = self._read(answer, started)
                return self._response(answer, body)
        except FetchError:
            raise
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(f"redirected to a URL that is not http(s) ({exc})") from None
        except httpx.TimeoutException:
            raise FetchError(
                f"timed out (no answer within {self._client.timeout.read:g} s)"
            ) from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect ({_first_line(exc)})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {_first_line(exc)}") from None

    def _read(self, answer: Any, started: float) -> bytes:
        encoding = answer.headers.get("content-encoding", "identity").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            decoder: Any = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
        elif encoding in ("", "identity"):
            decoder = None
        else:
            raise FetchError(f"unsupported content encoding {encoding!r}")
        parts: list[bytes] = []
        size = 0
        for raw in answer.iter_raw(_CHUNK):
            if time.monotonic() - started > self.deadline:
                raise FetchError(f"too slow (not complete after {self.deadline:g} s)")
            data = raw
            while data:
                if decoder is None:
                    piece, data = data, b""
                else:
                    # Output bounded per call: a bomb never expands in memory past the limit.
                    try:
                        piece = decoder.decompress(data, self.max_bytes - size + 1)
                    except zlib.error:
                        raise FetchError(f"damaged {encoding} response") from None
                    data = decoder.unconsumed_tail
                size += len(piece)
                if size > self.max_bytes:
                    raise FetchError(self._too_large(None, compressed=decoder is not None))
                parts.append(piece)
        return b"".join(parts)

    def _too_large(self, length: int | None, compressed: bool = False) -> str:
        limit = f"the limit is {_size(self.max_bytes)}"
        if compressed:
            return f"compressed response expands past the size limit ({limit})"
        if length is None:
            return f"response larger than the size limit ({limit})"
        return f"response too large ({_size(length)}; {limit})"

    @staticmethod
    def _response(answer: Any, body: bytes) -> Response:
        content_type = answer.headers.get("content-type", "")
        msg = email.message.Message()
        msg["content-type"] = content_type
        charset = msg.get_param("charset")
        return Response(
            url=str(answer.url),
            status=answer.status_code,
            body=body,
            content_type=content_type.split(";")[0].strip().lower(),
            charset=charset if isinstance(charset, str) else None,
            etag=answer.headers.get("etag"),
            last_modified=answer.headers.get("last-modified"),
            headers={k.lower(): v for k, v in answer.headers.items()},
        )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1_000_000 else f"{n / 1e3:.1f} KB"
