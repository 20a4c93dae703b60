"""UDP responder for SocketDeck loopback tests: a device that answers in its own encoding.

Usage: python3 udp_reply.py HOST ENCODING TEXT_HEX
Binds a UDP socket to HOST:0 (AF_INET6 when HOST contains ':'), prints one line
"PORT <n>" once bound. For each datagram it prints "GOT <hex> FROM <host> <port>"
and sends TEXT (given as the hex of its UTF-8 bytes, so no locale can mangle the
argument), encoded in ENCODING (e.g. gbk), back to the sender.
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
    host, encoding = sys.argv[1], sys.argv[2]
    reply = bytes.fromhex(sys.argv[3]).decode("utf-8").encode(encoding)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    sock.bind((host, 0))
    print("PORT %d" % sock.getsockname()[1], flush=True)
    threading.Thread(target=watch_stdin, daemon=True).start()
    while True:
        try:
            data, sender = sock.recvfrom(65535)
            print("GOT %s FROM %s %d" % (data.hex(), sender[0], sender[1]), flush=True)
            sock.sendto(reply, sender)
        except OSError:
            continue


if __name__ == "__main__":
    main()
