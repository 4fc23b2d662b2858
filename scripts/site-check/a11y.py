#!/usr/bin/env python3
"""usage: a11y.py SITE [REPORT.json]

Audits every page of a built site with axe-core in headless Chromium (driven by Selenium and
Debian's chromedriver). axe.min.js comes from the PyPI package axe-playwright-python (only that
file is used); AXE_JS=path picks another copy. Each page is loaded from the disk at a desktop
width, axe runs in it, and one line per page goes to stderr; the violations of every page go
to REPORT.json when given.

Exit 0 when no page has a serious or critical violation, 1 when one has, 2 when a tool is
missing or a page does not load.
"""
import json
import os
import pathlib
import shutil
import sys

FAILING = {"serious", "critical"}


def fail_usage(message):
    print(f"a11y.py: {message}", file=sys.stderr)
    sys.exit(2)


def axe_source():
    if os.environ.get("AXE_JS"):
        return pathlib.Path(os.environ["AXE_JS"]).read_text(encoding="utf-8")
    try:
        import axe_playwright_python
    except ImportError:
        fail_usage("axe-playwright-python is not installed (bash scripts/setup --site-checks)")
    found = sorted(pathlib.Path(axe_playwright_python.__file__).parent.rglob("axe.min.js"))
    if not found:
        fail_usage("no axe.min.js in axe-playwright-python")
    return found[0].read_text(encoding="utf-8")


def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        fail_usage("selenium is not installed (bash scripts/setup --site-checks)")
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        fail_usage("chromium and chromium-driver are needed (bash scripts/setup --site-checks)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1366,900", "--lang=vi"):
        options.add_argument(flag)
    web = webdriver.Chrome(service=Service(driver), options=options)
    web.set_page_load_timeout(30)
    web.set_script_timeout(60)
    return web


def main():
    if len(sys.argv) not in (2, 3) or not pathlib.Path(sys.argv[1]).is_dir():
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    site = pathlib.Path(sys.argv[1]).resolve()
    pages = sorted(site.rglob("*.html"))
    if not pages:
        fail_usage(f"no .html under {site}")
    source = axe_source()
    web = browser()
    results = []
    failing_pages = 0
    try:
        version = None
        for page in pages:
            rel = page.relative_to(site).as_posix()
            web.get(page.as_uri())
            web.execute_script(source)
            outcome = web.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {resultTypes: ['violations']})"
                ".then(r => done({version: r.testEngine.version, violations: r.violations}))"
                ".catch(e => done({error: String(e)}));")
            if "error" in outcome:
                fail_usage(f"{rel}: axe failed: {outcome['error']}")
            version = outcome["version"]
            violations = [{
                "id": v["id"], "impact": v["impact"], "help": v["help"], "tags": v["tags"],
                "nodes": [{"target": n["target"], "html": n["html"], "summary": n.get("failureSummary", "")}
                          for n in v["nodes"]],
            } for v in outcome["violations"]]
            bad = [v for v in violations if v["impact"] in FAILING]
            failing_pages += bool(bad)
            summary = ", ".join(f"{v['id']}({v['impact']},{len(v['nodes'])})" for v in violations) or "none"
            print(f"{rel}: {summary}", file=sys.stderr)
            for v in bad:
                for node in v["nodes"][:3]:
                    print(f"  {v['impact']} {v['id']}: {v['help']} at {' '.join(map(str, node['target']))}",
                          file=sys.stderr)
            results.append({"page": rel, "violations": violations})
    finally:
        web.quit()
    if len(sys.argv) == 3:
        pathlib.Path(sys.argv[2]).write_text(json.dumps({"axe": version, "pages": results}, ensure_ascii=False, indent=1),
                                             encoding="utf-8")
    print(f"a11y.py: axe {version}: {len(pages)} page(s), {failing_pages} with serious or critical violations",
          file=sys.stderr)
    sys.exit(1 if failing_pages else 0)


if __name__ == "__main__":
    main()
