#!/usr/bin/env python3
"""Measures two figures of the CDS Hooks service against a process of the built service on 127.0.0.1:

1. memory under eight parallel maximum-size bad requests (2 MB bodies of unknown fields): the process's
   resident memory before, its peak, and 5 s after; the answers' sizes and times;
2. a normal hook call's latency while four slow uploads (about 300 bytes a second) run, and without them.

Bounded: about 90 s in all, loopback only. Needs the service built (dotnet build src/AsMassageAdvisor.CdsHooks
-c Release) and Python's `cryptography` package (for the ES384 client token).

    python3 build/cds-probe-load.py [--dll path/to/AsMassageAdvisor.CdsHooks.dll]
"""
import argparse
import base64
import json
import os
import pathlib
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

REPO = pathlib.Path(__file__).resolve().parent.parent
SERVICE = "/cds-services/as-massage-safety"
ISSUER = "https://ehr.probe.example"
PUBLIC = "http://cds.probe.example"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Client:
    def __init__(self):
        self.key = ec.generate_private_key(ec.SECP384R1())
        numbers = self.key.public_key().public_numbers()
        self.jwks = {"keys": [{"kty": "EC", "crv": "P-384", "kid": "probe-1", "use": "sig", "alg": "ES384",
                               "x": b64(numbers.x.to_bytes(48, "big")), "y": b64(numbers.y.to_bytes(48, "big"))}]}

    def token(self, path=SERVICE):
        now = int(time.time())
        header = b64(json.dumps({"alg": "ES384", "typ": "JWT", "kid": "probe-1"}).encode())
        claims = b64(json.dumps({"iss": ISSUER, "sub": "probe", "aud": PUBLIC + path, "iat": now, "exp": now + 120,
                                 "jti": str(uuid.uuid4())}).encode())
        r, s = decode_dss_signature(self.key.sign(f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA384())))
        return f"{header}.{claims}.{b64(r.to_bytes(48, 'big') + s.to_bytes(48, 'big'))}"


def request(port, token, body, timeout=60):
    """One POST over a socket of its own; returns (status, answer bytes, seconds)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        head = (f"POST {SERVICE} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n")
        s.sendall(head.encode() + body)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    status = int(answer.split(b" ", 2)[1]) if answer else 0
    return status, len(answer), time.monotonic() - started


def slow_upload(port, token, length, stop, result):
    """A call whose body comes at about 300 bytes a second, until the server answers or stop is set."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=120) as s:
        s.sendall((f"POST {SERVICE} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
                   f"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n{{").encode())
        s.setblocking(False)
        sent = 1
        try:
            while not stop.is_set() and sent < length:
                try:
                    if s.recv(4096):
                        break
                except BlockingIOError:
                    pass
                time.sleep(0.033)
                piece = b" " * min(10, length - sent)
                s.sendall(piece)
                sent += len(piece)
            s.setblocking(True)
            s.settimeout(40)
            answer = s.recv(4096)
        except OSError:
            answer = b""
    result.append((answer.split(b"\r\n")[0].decode(errors="replace"), round(time.monotonic() - started, 1)))


def rss(pid):
    fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status"))
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dll", default=str(REPO / "src/AsMassageAdvisor.CdsHooks/bin/Release/net10.0/AsMassageAdvisor.CdsHooks.dll"))
    args = parser.parse_args()
    client = Client()
    work = pathlib.Path(tempfile.mkdtemp(prefix="cds-probe-"))
    (work / "client.jwks.json").write_text(json.dumps(client.jwks))
    port = free_port()
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production",
               CdsHooks__PublicBaseUrl=PUBLIC,
               CdsHooks__TrustedClients__0__Issuer=ISSUER,
               CdsHooks__TrustedClients__0__JwksFile=str(work / "client.jwks.json"),
               CdsHooks__Feedback__ConnectionString=f"Data Source={work / 'feedback.db'}",
               Logging__LogLevel__Default="Warning")
    service = subprocess.Popen(["dotnet", args.dll, "--urls", f"http://127.0.0.1:{port}"], cwd=work, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        example = (REPO / "docs/examples/fhir/order-sign-request.json").read_bytes()
        for _ in range(5):  # warm up
            request(port, client.token(), example)
        idle, _ = rss(service.pid)

        # 1. Eight parallel 2 MB bodies of unknown fields.
        fields = []
        size = len('{"hook":"order-sign"}')
        i = 0
        while size < 2 * 1024 * 1024 - 20:
            field = f',"f{i}":0'
            fields.append(field)
            size += len(field)
            i += 1
        bad = ('{"hook":"order-sign"' + "".join(fields) + "}").encode()
        answers = []
        threads = [threading.Thread(target=lambda: answers.append(request(port, client.token(), bad))) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        _, peak = rss(service.pid)
        time.sleep(5)
        after, _ = rss(service.pid)
        print(f"bad requests: 8 x {len(bad)} bytes ({i} unknown fields)")
        print(f"  answers: status {sorted({a[0] for a in answers})}, {max(a[1] for a in answers)} bytes at most, "
              f"{min(a[2] for a in answers):.2f} to {max(a[2] for a in answers):.2f} s")
        print(f"  memory: {idle} MB before, peak {peak} MB (VmHWM, the process's whole life), {after} MB 5 s after")

        # 2. A normal call's latency, alone and while four slow uploads run.
        alone = [request(port, client.token(), example)[2] for _ in range(5)]
        stop = threading.Event()
        slow_results = []
        slow = [threading.Thread(target=slow_upload, args=(port, client.token(), 6000, stop, slow_results)) for _ in range(4)]
        for t in slow:
            t.start()
        time.sleep(1)
        during = []
        for _ in range(5):
            status, _, seconds = request(port, client.token(), example)
            during.append((status, seconds))
        stop.set()
        for t in slow:
            t.join()
        print(f"normal call alone: {min(alone) * 1000:.0f} to {max(alone) * 1000:.0f} ms")
        print(f"normal call with 4 slow uploads: status {sorted({d[0] for d in during})}, "
              f"{min(d[1] for d in during) * 1000:.0f} to {max(d[1] for d in during) * 1000:.0f} ms")
        print(f"  slow uploads ended: {slow_results}")
    finally:
        service.kill()
        service.wait()


if __name__ == "__main__":
    sys.exit(main())
