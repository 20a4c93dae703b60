"""The `printf 'request' | nc -N host port` pattern: send a request, shut our output, read the answer.

Usage: python3 half_close_client.py HOST PORT HEX
Connects to HOST:PORT, prints "PORT <n>" with its own local port, sends the bytes given as HEX,
then shuts down its sending side (a FIN: "I am done sending"), and prints every read as
"RX <hex>" until the server closes: "EOF" (or "RESET"). Exits when stdin reaches EOF.
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
    host, port, payload = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3])
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    conn = socket.socket(family, socket.SOCK_STREAM)
    conn.connect((host, port))
    threading.Thread(target=watch_stdin, daemon=True).start()
    print("PORT %d" % conn.getsockname()[1], flush=True)
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
