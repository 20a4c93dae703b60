"""A device that says its piece, shuts its sending side and waits for the answer.

Usage: python3 half_close_server.py HOST HEX
Listens on HOST (port 0), prints "PORT <n>", accepts one client, sends the bytes given as HEX,
shuts down its sending side (a FIN), then prints every read as "RX <hex>" until the client
closes: "EOF" (or "RESET"). Exits when stdin reaches EOF.
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
    host, payload = sys.argv[1], bytes.fromhex(sys.argv[2])
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind((host, 0))
    server.listen(1)
    threading.Thread(target=watch_stdin, daemon=True).start()
    print("PORT %d" % server.getsockname()[1], flush=True)
    conn, _ = server.accept()
    conn.sendall(payload)
    conn.shutdown(socket.SHUT_WR)
    try:
        while True:
            data = conn.recv(65536)
            if not data:
                print("EOF", flush=True)
                break
            print("RX " + data.hex(), flush=True)
    except ConnectionResetError:
        print("RESET", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
