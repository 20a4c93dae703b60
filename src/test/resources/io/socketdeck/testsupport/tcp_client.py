"""TCP client for SocketDeck server tests: a device that talks to the server under test.

Usage: python3 tcp_client.py HOST PORT [HEX]
Connects to HOST:PORT (AF_INET6 when HOST contains ':'), prints one line "PORT <n>" with its
own local port once connected, sends the bytes given as HEX (if any), then prints every read
as "RX <hex>" and "EOF" or "RESET" when the server ends the connection.
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


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    payload = bytes.fromhex(sys.argv[3]) if len(sys.argv) > 3 else b""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    conn = socket.socket(family, socket.SOCK_STREAM)
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    conn.connect((host, port))
    threading.Thread(target=watch_stdin, daemon=True).start()
    print("PORT %d" % conn.getsockname()[1], flush=True)
    if payload:
        conn.sendall(payload)
    try:
        while True:
            data = conn.recv(65536)
            if not data:
                print("EOF", flush=True)
                break
            print("RX " + data.hex(), flush=True)
    except ConnectionResetError:
        print("RESET", flush=True)
    # stay until the test closes stdin, so the test decides when this process goes
    threading.Event().wait()


if __name__ == "__main__":
    main()
