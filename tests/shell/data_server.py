"""A web server on 127.0.0.1 for tests/shell/data_update.sh: serves a
directory (http.server), and a few ways a download can go wrong:
  /error/...      HTTP 500
  /truncated/*.json  promises more bytes than it sends, then closes
  /slow/...       waits longer than the client's time-out
Prints its port on stdout once it listens. Usage: data_server.py DIR"""
import functools
import http.server
import sys
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/error/"):
            self.send_error(500, "test server error")
        elif self.path.startswith("/truncated/") and self.path.endswith(".json"):
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b'{"schema_version": 2,')
            self.wfile.flush()
            self.close_connection = True
        elif self.path.startswith("/slow/"):
            time.sleep(5)
            self.send_error(404)
        else:
            super().do_GET()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(
    ("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
print(server.server_address[1], flush=True)
server.serve_forever()
