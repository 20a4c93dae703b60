"""A little device for `socketdeck script` tests: answers line commands, and one binary request.

Usage: python3 script_device.py HOST tcp|udp
Binds HOST:0 (AF_INET6 when HOST contains ':'), prints one line "PORT <n>" once
listening, then answers (TCP: one thread per client, commands end with \\n, a \\r
before it is ignored; UDP: one command per datagram, answered to its sender):

  LOGIN <user>   -> TOKEN=abc123
  GET abc123     -> VALUE=42            GET <anything else> -> ERR bad token
  PING <x>       -> PONG <x>
  SLOW           -> "VAL", then 0.2 s later "UE=7\\n" (TCP: one answer in two reads)
  BYE            -> BYE, then the connection is closed (TCP)
  SILENT         -> nothing at all
  anything else  -> ERR unknown command
  bytes 01 03 + 6 more (a Modbus-like read) -> 01 03 02 00 2A and two random bytes

Text answers end with \\n. Every command is printed as "RX <command>" (binary as hex)
on stdout, and the end of a TCP connection as "CONNECTION ENDED" after its commands: a
test that waits for that has seen every command the client sent on it. Exits when stdin
reaches EOF, so it dies with the JVM that started it.
"""
import os
import socket
import sys
import threading
import time

TOKEN = "abc123"


def watch_stdin():
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)


def answer(command):
    """The reply to one text command: a list of (delay seconds, bytes), or None to close after."""
    print("RX " + command, flush=True)
    word, _, rest = command.partition(" ")
    if word == "LOGIN":
        return [(0, b"TOKEN=" + TOKEN.encode() + b"\n")]
    if word == "GET":
        return [(0, b"VALUE=42\n" if rest == TOKEN else b"ERR bad token\n")]
    if word == "PING":
        return [(0, b"PONG " + rest.encode() + b"\n")]
    if word == "SLOW":
        return [(0, b"VAL"), (0.2, b"UE=7\n")]
    if word == "BYE":
        return [(0, b"BYE\n")]
    if word == "SILENT":
        return []
    return [(0, b"ERR unknown command\n")]


def binary_answer(frame):
    print("RX " + frame.hex(" ").upper(), flush=True)
    return b"\x01\x03\x02\x00\x2a" + os.urandom(2)


def serve_tcp_client(conn):
    buffer = b""
    try:
        while True:
            data = conn.recv(65536)
            if not data:
                break
            buffer += data
            while buffer:
                if buffer[0] == 0x01:
                    if len(buffer) < 8:
                        break
                    frame, buffer = buffer[:8], buffer[8:]
                    conn.sendall(binary_answer(frame))
                    continue
                line_end = buffer.find(b"\n")
                if line_end < 0:
                    break
                line, buffer = buffer[:line_end], buffer[line_end + 1:]
                command = line.rstrip(b"\r").decode("utf-8", "replace")
                for delay, reply in answer(command):
                    time.sleep(delay)
                    conn.sendall(reply)
                if command == "BYE":
                    return
    except OSError:
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass
        print("CONNECTION ENDED", flush=True)


def serve_tcp(host, family):
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind((host, 0))
    server.listen(16)
    print("PORT %d" % server.getsockname()[1], flush=True)
    while True:
        try:
            conn, _ = server.accept()
        except OSError:
            continue
        threading.Thread(target=serve_tcp_client, args=(conn,), daemon=True).start()


def serve_udp(host, family):
    sock = socket.socket(family, socket.SOCK_DGRAM)
    sock.bind((host, 0))
    print("PORT %d" % sock.getsockname()[1], flush=True)
    while True:
        data, sender = sock.recvfrom(65536)
        if data[:2] == b"\x01\x03":
            sock.sendto(binary_answer(data), sender)
            continue
        command = data.rstrip(b"\r\n").decode("utf-8", "replace")
        for delay, reply in answer(command):
            time.sleep(delay)
            sock.sendto(reply, sender)


def main():
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    mode = sys.argv[2] if len(sys.argv) > 2 else "tcp"
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    threading.Thread(target=watch_stdin, daemon=True).start()
    if mode == "udp":
        serve_udp(host, family)
    else:
        serve_tcp(host, family)


if __name__ == "__main__":
    main()
