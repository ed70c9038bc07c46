#!/usr/bin/env python3
"""A webhook endpoint for tickler-notify's tests, on 127.0.0.1 only.

Answers 503 to the first --fail-first requests, then 200. Each request is appended to --log as one JSON line:
{"status": ..., "key": Idempotency-Key, "headers": {...}, "body": "..."}. The port it listens on is written to
--port-file once it accepts connections. It stops by itself after --lifetime seconds.
"""
import argparse
import http.server
import json
import os
import threading


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--lifetime", type=float, default=300)
    args = parser.parse_args()
    lock = threading.Lock()
    count = [0]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if len(raw) < length:
                # The client died in the middle of its request (the SIGKILL test): nothing was delivered.
                self.close_connection = True
                return
            body = raw.decode("utf-8", "replace")
            with lock:
                count[0] += 1
                status = 503 if count[0] <= args.fail_first else 200
                with open(args.log, "a", encoding="utf-8") as log:
                    log.write(json.dumps({
                        "status": status,
                        "key": self.headers.get("Idempotency-Key"),
                        "headers": {name.lower(): value for name, value in self.headers.items()},
                        "body": body,
                    }) + "\n")
            answer = b"busy\n" if status == 503 else b"ok\n"
            self.send_response(status)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *arguments):
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            # A client killed in the middle of a request (the SIGKILL test) is expected: no traceback.
            pass

    server = Server(("127.0.0.1", 0), Handler)
    timer = threading.Timer(args.lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    with open(args.port_file + ".tmp", "w") as port_file:
        port_file.write(str(server.server_address[1]))
    os.rename(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
