"""Multi-client TCP echo server for SocketDeck loopback tests.

Usage: python3 tcp_echo.py HOST
Binds HOST:0 (AF_INET6 when HOST contains ':'), prints one line "PORT <n>" once
listening, then echoes every byte back to every client (one thread per client).
Exits when stdin reaches EOF, so it dies with the JVM that started it.
"""
import os
import socket
import sys
import threading


def watch_stdin():
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)


def serve_client(conn):
    try:
        while True:
            data = conn.recv(65536)
            if not data:
                break
            conn.sendall(data)
    except OSError:
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


def main():
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind((host, 0))
    server.listen(128)
    print("PORT %d" % server.getsockname()[1], flush=True)
    threading.Thread(target=watch_stdin, daemon=True).start()
    while True:
        try:
            conn, _ = server.accept()
        except OSError:
            continue
        threading.Thread(target=serve_client, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
