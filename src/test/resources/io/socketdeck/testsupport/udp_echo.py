"""UDP echo peer for SocketDeck loopback tests.

Usage: python3 udp_echo.py HOST
Binds a UDP socket to HOST:0 (AF_INET6 when HOST contains ':'), prints one line
"PORT <n>" once bound, then sends each datagram back to its sender unchanged.
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
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    sock.bind((host, 0))
    print("PORT %d" % sock.getsockname()[1], flush=True)
    threading.Thread(target=watch_stdin, daemon=True).start()
    while True:
        try:
            data, sender = sock.recvfrom(65535)
            sock.sendto(data, sender)
        except OSError:
            # e.g. ICMP port unreachable reported on a later call: keep serving
            continue


if __name__ == "__main__":
    main()
