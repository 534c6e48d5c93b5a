"""The HTTPS transport of the local org, and starting/stopping it in-process.

A ``ThreadingHTTPServer`` speaking HTTP/1.1 with keep-alive (the client reuses its
connection for every page of a sync). TLS is set up per connection in the connection's
own thread so a slow handshake never blocks the accept loop.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
import tempfile
import threading
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .clock import Clock
from .control import Control
from .http import Request, Response
from .org import LocalOrg
from .tls import TlsFiles

log = logging.getLogger("sfsync.localorg")


@dataclass(frozen=True)
class UserCredentials:
    username: str
    password: str


@dataclass(frozen=True)
class OrgFacts:
    """What a client needs to reach a running local org (the ``serve`` JSON line)."""

    instance_url: str
    login_url: str
    ca_file: str
    client_id: str
    client_secret: str
    sync_user: UserCredentials
    admin_user: UserCredentials
    control_url: str

    def to_json_dict(self) -> dict:
        return asdict(self)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _OrgServer

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        req = Request(self.command, parts.path, query, dict(self.headers.items()), body)
        try:
            resp = self.server.app.handle(req)
        except Exception:  # a bug of ours: answer 500 as Salesforce would, log the trace
            log.exception("unhandled error for %s %s", self.command, parts.path)
            from .http import error_response

            resp = error_response(500, "UNKNOWN_EXCEPTION",
                                  "An unexpected error occurred. Please include this ErrorId "
                                  "if you contact support: 0000000-0 (local org)")
        self._send(resp)

    def _send(self, resp: Response) -> None:
        if resp.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(resp.status)
        for key, value in resp.headers.items():
            self.send_header(key, value)
        if resp.chunks is not None:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for chunk in resp.chunks:
                if chunk:
                    self.wfile.write(f"{len(chunk):X}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(resp.body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(resp.body)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = _handle

    def log_message(self, format: str, *args: object) -> None:
        # Requests are not logged by default: URLs can carry tokens (authorize redirects).
        log.debug("%s - %s", self.address_string(), format % args)


class _OrgServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], ssl_ctx: ssl.SSLContext) -> None:
        super().__init__(addr, _Handler)
        self.ssl_ctx = ssl_ctx
        self.app = None  # type: ignore[assignment]

    def finish_request(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        try:
            request.settimeout(60)
            tls = self.ssl_ctx.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as exc:
            log.debug("TLS handshake failed from %s: %s", client_address, exc)
            return
        try:
            self.RequestHandlerClass(tls, client_address, self)
        finally:
            with contextlib.suppress(OSError):
                tls.close()


class RunningOrg:
    """A local org serving HTTPS on 127.0.0.1 in a background thread."""

    def __init__(self, org: LocalOrg, server: _OrgServer, facts: OrgFacts,
                 tmp: tempfile.TemporaryDirectory | None, control: Control) -> None:
        self.org = org
        self.facts = facts
        #: The control API in Python: convert, merge, bin, faults, clock, schema, reset.
        self.control = control
        self._server = server
        self._tmp = tmp
        self._thread = threading.Thread(target=server.serve_forever, name="localorg-http",
                                         daemon=True)
        self._thread.start()

    @property
    def clock(self) -> Clock:
        return self.org.clock

    def stop(self) -> None:
        """Stop serving, close the database, remove a temporary data folder."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        self.org.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> RunningOrg:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_local_org(
    data_dir: Path | None = None, *, port: int = 0, seed: str | int | None = "demo",
    api_limit: int = 15000, token_ttl: float = 7200, clock: Clock | None = None,
    tls: TlsFiles | None = None,
) -> RunningOrg:
    """Start a local org and return once it accepts connections.

    Args:
        data_dir: where the org keeps its data; a temporary folder (removed on stop) if None.
        port: TCP port on 127.0.0.1; 0 picks a free one.
        seed: ``"demo"`` or a number of Leads; used only when the data folder is new.
        api_limit: daily API allowance.
        token_ttl: access-token lifetime in seconds.
        clock: the org clock (tests advance it).
        tls: certificate files to serve instead of the org's own (tests of refused
            certificates: see :func:`.tls.issue_faulty_certificate`).
    """
    from .bulk import BulkApi
    from .oauth import OAuthServer, OrgUser
    from .rest import RestApi
    from .tls import ensure_certificates, ensure_jwt_keypair, server_context

    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="sfsync-localorg-")
        data_dir = Path(tmp.name)
    data_dir = Path(data_dir)
    org = LocalOrg(data_dir, seed=seed, api_limit=api_limit, clock=clock)
    tls_files = tls or ensure_certificates(data_dir)
    server = _OrgServer(("127.0.0.1", port), server_context(tls_files))
    base = f"https://127.0.0.1:{server.server_address[1]}"
    _key_path, jwt_cert_path = ensure_jwt_keypair(data_dir)
    oauth = OAuthServer(
        org.conn, org.lock, org.clock, org_id=org.org_id,
        users=[OrgUser(u.id, u.username, u.password, u.security_token, u.profile, u.email,
                       u.name) for u in org.users.values()],
        client_id=org.client_id, client_secret=org.client_secret, token_ttl=token_ttl,
        instance_url=base, login_url=base,
        jwt_certificate_pem=Path(jwt_cert_path).read_bytes(),
    )
    app = RestApi(org, oauth, base)
    control = Control(org, oauth)
    app.control = control.handle
    # Consulted before every non-/control request: bin retention, then armed faults.
    app.faults = control.before_request
    app.after_faults = control.after_request
    server.app = app  # type: ignore[assignment]
    server.app.bulk = BulkApi(org).handle  # type: ignore[attr-defined]
    facts = OrgFacts(
        instance_url=base,
        login_url=base,
        ca_file=str(tls_files.ca_file),
        client_id=org.client_id,
        client_secret=org.client_secret,
        sync_user=UserCredentials(org.sync_user.username, org.sync_user.password),
        admin_user=UserCredentials(org.admin.username, org.admin.password),
        control_url=f"{base}/control",
    )
    return RunningOrg(org, server, facts, tmp, control)
