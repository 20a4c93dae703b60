"""Sends UDP datagrams whose source port is 0, for SocketDeck loopback tests.

No ordinary socket can: the system gives every UDP socket a port. A raw socket can, and only a
process allowed raw sockets (root, or CAP_NET_RAW) may open one.

Usage: python3 udp_from_port_zero.py check
         exits 0 when raw sockets are permitted here, 77 when they are not.
       python3 udp_from_port_zero.py HOST PORT HEX COUNT
         sends COUNT datagrams carrying the bytes HEX from HOST:0 to HOST:PORT (IPv4 loopback:
         HOST is 127.x.y.z), prints "SENT <count>" and exits 0; 77 when raw sockets are not
         permitted.
"""
import socket
import struct
import sys

NOT_PERMITTED = 77


def raw_udp_socket():
    try:
        return socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_UDP)
    except PermissionError as e:
        print("raw sockets not permitted: %s" % e, file=sys.stderr, flush=True)
        sys.exit(NOT_PERMITTED)


def main():
    if sys.argv[1:] == ["check"]:
        raw_udp_socket().close()
        return
    host, port, payload, count = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3]), int(sys.argv[4])
    if not host.startswith("127."):
        sys.exit("loopback only: " + host)
    # The UDP header only: the system writes the IP header. Checksum 0: none, which IPv4 allows.
    datagram = struct.pack("!HHHH", 0, port, 8 + len(payload), 0) + payload
    with raw_udp_socket() as sock:
        for _ in range(count):
            sock.sendto(datagram, (host, 0))
    print("SENT %d" % count, flush=True)


if __name__ == "__main__":
    main()
