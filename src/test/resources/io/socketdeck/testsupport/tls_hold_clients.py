"""TLS 1.3 clients that connect, complete a full handshake each and stay open, for the server bench.

Usage: tls_hold_clients.py PORT CERT COUNT

CERT is the server's certificate, Base64 DER: the only one trusted, and it must name 127.0.0.1
(hostname checking is on). Each client verifies the chain and the address as any TLS client
would; none resumes a session (each connection is made afresh, no session is kept).

The handshakes run in OpenSSL, as the devices a user serves run their TLS elsewhere: the load
process takes little of the CPU the window under test needs. At most IN_FLIGHT handshakes at
once. Prints READY, then CONNECTED <n> <failed> <millis>; on a line CLOSE on stdin it closes them
all at once and prints CLOSED <n> <millis>. Exits when stdin closes.
"""
import base64
import concurrent.futures
import socket
import ssl
import sys
import threading
import time

IN_FLIGHT = 64


def say(line):
    print(line, flush=True)


def context(certificate_b64):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies the chain and the name
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.load_verify_locations(cadata=ssl.DER_cert_to_PEM_cert(base64.b64decode(certificate_b64)))
    return ctx


def main():
    port, certificate, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    ctx = context(certificate)
    held = []
    lock = threading.Lock()
    failed = 0

    def connect(_):
        nonlocal failed
        try:
            raw = socket.create_connection(("127.0.0.1", port))
        except OSError:
            with lock:
                failed += 1
            return
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            tls = ctx.wrap_socket(raw, server_hostname="127.0.0.1")
        except OSError:  # ssl.SSLError is one
            raw.close()
            with lock:
                failed += 1
            return
        with lock:
            held.append(tls)

    say("READY")
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(IN_FLIGHT) as pool:
        list(pool.map(connect, range(count)))
    say("CONNECTED %d %d %d" % (len(held), failed, (time.monotonic() - start) * 1000))
    for line in sys.stdin:
        if line.strip() == "CLOSE":
            closing = time.monotonic()
            closed = len(held)
            for tls in held:
                tls.close()
            held.clear()
            say("CLOSED %d %d" % (closed, (time.monotonic() - closing) * 1000))


if __name__ == "__main__":
    main()
