"""The suite runs with the network blocked (tests/conftest.py); these prove the block works, so
every other test passing means the code under test never called out."""

from __future__ import annotations

import socket
import urllib.request

import pytest


def _blocked(exc: pytest.ExceptionInfo[BaseException]) -> bool:
    return type(exc.value).__name__ == "NetworkBlocked"


def test_tcp_connect_is_refused() -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(RuntimeError) as exc,
    ):
        sock.connect(("192.0.2.1", 443))
    assert _blocked(exc)


def test_connect_ex_udp_and_lookups_are_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        with pytest.raises(RuntimeError) as exc:
            sock.sendto(b"x", ("192.0.2.1", 53))
        assert _blocked(exc)
        with pytest.raises(RuntimeError) as exc:
            sock.connect_ex(("192.0.2.1", 53))
        assert _blocked(exc)
    with pytest.raises(RuntimeError) as exc:
        socket.getaddrinfo("example.org", 443)
    assert _blocked(exc)


def test_a_library_download_is_refused() -> None:
    with pytest.raises(RuntimeError) as exc:
        urllib.request.urlopen("https://example.org/", timeout=1)
    assert _blocked(exc)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_local_unix_sockets_stay_allowed() -> None:
    a, b = socket.socketpair()
    a.sendall(b"ok")
    assert b.recv(2) == b"ok"
    a.close()
    b.close()
