"""A device that answers in pieces, as a slow serial bridge does.

Usage: python3 tcp_chunks_server.py HOST HEX [HEX...]
Listens on HOST (port 0), prints "PORT <n>", accepts one client and sends each HEX as its own
write, a tenth of a second apart (so the pieces usually arrive as separate reads; a busy machine
may join them, which framing must not mind either), then keeps the connection open. Exits when
stdin reaches EOF.
"""
import os
import socket
import sys
import threading
import time


def watch_stdin():
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)


def main():
    host, pieces = sys.argv[1], [bytes.fromhex(arg) for arg in sys.argv[2:]]
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind((host, 0))
    server.listen(1)
    threading.Thread(target=watch_stdin, daemon=True).start()
    print("PORT %d" % server.getsockname()[1], flush=True)
    conn, _ = server.accept()
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for piece in pieces:
        conn.sendall(piece)
        time.sleep(0.1)
    print("SENT", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
