"""A silent TCP device that records what it is sent, for SocketDeck command-line tests.

Usage: python3 tcp_record.py HOST
Binds HOST:0 (AF_INET6 when HOST contains ':'), prints one line "PORT <n>" once listening, then
for every client (one thread each) prints "GOT <hex>" for each read and "EOF" when the client
finished sending. It never answers. Exits when stdin reaches EOF, so it dies with the JVM that
started it.
"""
import os
import socket
import sys
import threading

lock = threading.Lock()


def say(line):
    with lock:
        print(line, flush=True)


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
                say("EOF")
                break
            say("GOT " + data.hex())
    except OSError:
        say("RESET")
    finally:
        conn.close()


def main():
    host = sys.argv[1]
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind((host, 0))
    server.listen(16)
    print("PORT %d" % server.getsockname()[1], flush=True)
    threading.Thread(target=watch_stdin, daemon=True).start()
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve_client, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
