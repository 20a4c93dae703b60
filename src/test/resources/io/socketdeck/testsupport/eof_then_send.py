"""A peer that answers our end of stream: for Half-close and Reset tests.

Usage: python3 eof_then_send.py HOST listen HEX
       python3 eof_then_send.py HOST connect PORT HEX
"listen" binds HOST (port 0), prints "PORT <n>" and accepts one connection; "connect" connects to
HOST:PORT and prints "PORT <n>" with its own local port. Then it prints every read as
"RX <hex>". On our end of stream it prints "EOF", sends the bytes given as HEX (the other side
half-closed: it can still receive), prints "SENT" and closes; on a reset it prints "RESET"
(Python's ConnectionResetError). Exits when stdin reaches EOF.
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


def open_connection(args):
    host, mode = args[0], args[1]
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    if mode == "listen":
        sock.bind((host, 0))
        sock.listen(1)
        print("PORT %d" % sock.getsockname()[1], flush=True)
        conn, _ = sock.accept()
        return conn, bytes.fromhex(args[2])
    sock.connect((host, int(args[2])))
    print("PORT %d" % sock.getsockname()[1], flush=True)
    return sock, bytes.fromhex(args[3])


def main():
    threading.Thread(target=watch_stdin, daemon=True).start()
    conn, after_eof = open_connection(sys.argv[1:])
    try:
        while True:
            data = conn.recv(65536)
            if not data:
                print("EOF", flush=True)
                conn.sendall(after_eof)
                print("SENT", flush=True)
                conn.close()
                break
            print("RX " + data.hex(), flush=True)
    except ConnectionResetError:
        print("RESET", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
