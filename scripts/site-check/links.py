#!/usr/bin/env python3
"""usage: links.py SITE

Checks every link, stylesheet, image and #anchor of a built site with LinkChecker, over HTTP:
the site is served on 127.0.0.1 (a free port) by a small server that, like a static host,
answers 404 for a folder without index.html. Every .html file is a start page, so pages that
nothing links to are checked too. Links to other hosts are not fetched.

LinkChecker run as root gives up its rights for user `nobody`, and when Python's packages are
where `nobody` cannot read them (pyenv in /root) its AnchorCheck plugin quietly does not load:
broken anchors then go unreported. This script runs LinkChecker in a child Python that keeps
its rights, and also serves one page with a broken anchor of its own: when LinkChecker does not
report that anchor, the run fails with exit 2 instead of passing blind.

Prints BROKEN and ANCHOR lines (they fail the run) and WARN lines (they do not).
Exit 0: nothing broken; 1: broken links or anchors; 2: a tool is missing or did not check.
"""
import csv
import functools
import http.server
import io
import pathlib
import subprocess
import sys
import tempfile
import threading

CANARY = "__links-py-canary__.html"
CANARY_HTML = (b"<!doctype html><html lang=en><title>canary</title>"
               b"<p id=here><a href='#not-here'>a missing anchor, on purpose</a>")

# LinkChecker's own entry point, with the switch to `nobody` turned off.
RUNNER = """
import sys
import linkcheck.command.linkchecker as command
command.drop_privileges = lambda: None
sys.argv[0] = "linkchecker"
sys.exit(command.linkchecker())
"""


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host would, plus the canary page."""

    def do_GET(self):
        if self.path.lstrip("/") == CANARY:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(CANARY_HTML)))
            self.end_headers()
            self.wfile.write(CANARY_HTML)
            return
        super().do_GET()

    def end_headers(self):
        # LinkChecker slows itself to 10 requests a second unless the server allows more.
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def list_directory(self, path):
        self.send_error(404, "no index.html in this folder")
        return None

    def log_message(self, *args):
        pass


def main():
    if len(sys.argv) != 2 or not pathlib.Path(sys.argv[1]).is_dir():
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    site = pathlib.Path(sys.argv[1]).resolve()
    try:
        import linkcheck  # noqa: F401
    except ImportError:
        print("links.py: LinkChecker is not installed (bash scripts/setup --site-checks)", file=sys.stderr)
        sys.exit(2)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    if not pages:
        print(f"links.py: no .html under {site}", file=sys.stderr)
        sys.exit(2)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with tempfile.TemporaryDirectory(prefix="links-py-") as scratch:
        config = pathlib.Path(scratch) / "linkcheckerrc"
        report = pathlib.Path(scratch) / "report.csv"
        config.write_text(
            "[checking]\nthreads=4\nmaxrequestspersecond=500\n"
            f"[filtering]\ninternlinks=^{base.replace('.', '[.]')}\ncheckextern=0\n"
            "[AnchorCheck]\n", encoding="utf-8")
        command = [sys.executable, "-c", RUNNER, "--config", str(config), "--no-status", "--quiet", "--verbose",
                   "--file-output", f"csv/utf-8/{report}"] + [base + p for p in pages + [CANARY]]
        run = subprocess.run(command, capture_output=True, text=True)
        server.shutdown()
        if not report.is_file():
            print(run.stdout + run.stderr, file=sys.stderr)
            print(f"links.py: LinkChecker exited {run.returncode} without a report", file=sys.stderr)
            sys.exit(2)
        text = "\n".join(line for line in report.read_text(encoding="utf-8").splitlines()
                         if line and not line.startswith("# "))
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))

    def short(url):
        return (url or "").removeprefix(base)

    broken = warned = 0
    canary_seen = False
    for row in sorted(rows, key=lambda r: (r["parentname"] or "", int(r["line"] or 0), r["urlname"])):
        where = f"{short(row['parentname']) or '(start)'}:{row['line'] or 0}"
        if short(row["parentname"]) == CANARY or short(row["url"]).startswith(CANARY):
            if "not-here" in (row["warningstring"] or ""):
                canary_seen = True
            continue
        if row["valid"] != "True":
            broken += 1
            print(f"BROKEN {where}: {row['urlname']} ({row['result']})")
        for warning in filter(None, (row["warningstring"] or "").split("\n")):
            if warning.startswith("Anchor"):
                broken += 1
                print(f"ANCHOR {where}: {row['urlname']} ({warning.split(' Available anchors')[0]})")
            else:
                warned += 1
                print(f"WARN   {where}: {row['urlname']} ({warning})")
    if not canary_seen:
        print("links.py: LinkChecker did not report the canary page's missing anchor, so anchors were "
              "not checked (AnchorCheck did not run)", file=sys.stderr)
        sys.exit(2)
    print(f"links.py: {len(pages)} page(s), {len(rows)} distinct URL(s) checked over HTTP, anchors included: "
          f"{broken} broken, {warned} other warning(s)")
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
