"""The report page in headless Chromium, checked against the library's own answers.

Run by scripts/test-report (which installs chromium, selenium and axe-core). The library's
answers come from the `protecteu` binary given with --bin, so the page is compared with the
same core that generated it, never with hard-coded values.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any, Callable

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

AS_OF = "2026-07-02"
QUERIES = ["encryption", "roadmap", "europol mandate", "cyber", "drug traff", "Sécurité", "zzzz"]


def cli(bin_: str, *args: str) -> Any:
    out = subprocess.run([bin_, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def ids(actions: list[dict[str, Any]]) -> list[str]:
    return [a["id"] for a in actions]


class Browser:
    def __init__(self, profile: str) -> None:
        opts = webdriver.ChromeOptions()
        opts.binary_location = "/usr/bin/chromium"
        for a in [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900",
            f"--user-data-dir={profile}",
            # Belt and braces: no name resolves, so nothing could reach a server.
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ]:
            opts.add_argument(a)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
        self.d.set_script_timeout(60)
        self.d.execute_cdp_cmd("Network.enable", {})
        self.d.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        self.width(1280)

    def width(self, w: int, height: int = 900) -> None:
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": w, "height": height, "deviceScaleFactor": 1, "mobile": w < 600})

    def dark(self, on: bool) -> None:
        self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": "prefers-color-scheme", "value": "dark" if on else "light"}]})

    def open(self, url: str) -> None:
        # A fresh document each time (a fragment change alone would not reload).
        self.d.get("about:blank")
        self.d.get(url)

    def visible(self) -> list[str]:
        return list(self.d.execute_script(
            "return [...document.querySelectorAll('[data-action-id]:not([hidden])')]"
            ".map(e => e.dataset.actionId)"))

    def requests(self) -> list[tuple[str, str]]:
        """(document, url) of every request since the last call."""
        out = []
        for entry in self.d.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") == "Network.requestWillBeSent":
                p = msg["params"]
                out.append((p.get("documentURL", ""), p["request"]["url"]))
        return out

    def console(self) -> list[dict[str, Any]]:
        return list(self.d.get_log("browser"))

    def screenshot(self, path: Path, height: int | None = None) -> None:
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": height is not None}
        if height is not None:
            w = self.d.execute_script("return document.documentElement.clientWidth")
            params["clip"] = {"x": 0, "y": 0, "width": w, "height": height, "scale": 1}
        shot = self.d.execute_cdp_cmd("Page.captureScreenshot", params)
        path.write_bytes(base64.b64decode(shot["data"]))


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def run(self, name: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - every failure is reported, then counted
            self.failed += 1
            print(f"FAIL {name}")
            traceback.print_exc(file=sys.stdout)
        else:
            self.passed += 1
            print(f"ok   {name}")


def equal(got: Any, expected: Any, what: str) -> None:
    if got != expected:
        raise AssertionError(f"{what}:\n  page:    {got}\n  library: {expected}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--axe", required=True, type=Path)
    ap.add_argument("--screenshot", type=Path, help="only write this screenshot (README)")
    args = ap.parse_args()
    out: Path = args.out
    page = out / "report.html"
    subprocess.run([args.bin, "report", "--as-of", AS_OF, "--out", str(page)], check=True)
    url = page.resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="protecteu-chromium-") as profile:
        b = Browser(profile)
        try:
            if args.screenshot:
                return readme_screenshot(b, url, args.screenshot)
            return run_checks(b, args, url, out)
        finally:
            b.d.quit()


def readme_screenshot(b: Browser, url: str, path: Path) -> int:
    from PIL import Image

    # The progress bars: the chapters section, from its heading down.
    b.width(1280, 1000)
    b.open(url)
    y = b.d.execute_script("return document.getElementById('chapters').offsetTop - 16")
    raw = io.BytesIO(base64.b64decode(b.d.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": y, "width": 1280, "height": 960, "scale": 1}})["data"]))
    img = Image.open(raw).convert("RGB")
    img = img.resize((960, 720), Image.LANCZOS).quantize(colors=128, dither=Image.Dither.NONE)
    img.save(path, optimize=True)
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


def run_checks(b: Browser, args: argparse.Namespace, url: str, out: Path) -> int:
    bin_ = args.bin
    c = Checks()
    stats = cli(bin_, "stats", "--format", "json")
    sections = cli(bin_, "list", "sections", "--format", "json")
    all_ids = ids(cli(bin_, "actions", "--format", "json"))
    europol = ids(cli(bin_, "actions", "--actor", "europol", "--format", "json"))
    axe_source = args.axe.read_text(encoding="utf-8")

    b.open(url)
    b.d.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    first = [True]

    def offline_clean() -> None:
        reqs = b.requests()
        # Requests made by the page (its document is the report), and any request to a
        # server by anyone (the browser's own chrome:// pages aside).
        page_reqs = [u for d, u in reqs if d.startswith(url) and not u.startswith(url)]
        equal(page_reqs, [], "requests by the page other than the page itself")
        net = [u for _, u in reqs if u.split(":", 1)[0] in ("http", "https", "ws", "wss", "ftp")]
        equal(net, [], "requests to a server")
        equal(any(u.startswith(url) for _, u in reqs) or not first[0], True, "the page's own load is seen")
        first[0] = False
        errors = [e for e in b.console() if e["level"] in ("SEVERE", "WARNING")]
        equal(errors, [], "console errors and warnings")

    c.run("offline: no console error, no request but the page", offline_clean)

    def one_card_per_action() -> None:
        equal(b.visible(), all_ids, "visible cards, in order")
        equal(stats["actions"], len(all_ids), "stats total")
        n = b.d.execute_script("return document.querySelectorAll('article[data-action-id]').length")
        equal(n, len(all_ids), "cards")

    c.run("one card per action, all shown without a fragment", one_card_per_action)

    def chapter_counts() -> None:
        tops = [s["id"] for s in sections if not s.get("parent")]
        expected = {k["key"]: k["count"] for k in stats["by_section"] if k["key"] in tops}
        bars = b.d.execute_script(
            "return Object.fromEntries([...document.querySelectorAll('.chapter')].map(e => "
            "[e.dataset.chapter, Number(e.querySelector('.counts strong').textContent)]))")
        equal(bars, expected, "chapter bar counts")
        cards = b.d.execute_script(
            "return Object.fromEntries([...document.querySelectorAll('.group')].map(e => "
            "[e.dataset.chapter, e.querySelectorAll('[data-action-id]').length]))")
        equal(cards, {k: v for k, v in expected.items() if v > 0}, "cards per chapter")

    c.run("per-chapter counts equal the model's", chapter_counts)

    def fragment_actor() -> None:
        b.open(url + "#actor=europol")
        equal(b.visible(), europol, "#actor=europol")
        equal(b.d.find_element(By.ID, "f-actor").get_attribute("value"), "europol", "actor select")
        hidden = b.d.execute_script(
            "return [...document.querySelectorAll('[data-action-id][hidden]')].length")
        equal(hidden, len(all_ids) - len(europol), "cards with the hidden attribute")
        status = b.d.find_element(By.ID, "result").text
        equal(status.startswith(f"{len(europol)} of {len(all_ids)}"), True, f"status line {status!r}")

    c.run("#actor=europol shows exactly actions(actor='europol')", fragment_actor)

    def fragment_two_filters() -> None:
        b.open(url + "#actor=europol&status=proposed")
        expected = ids(cli(bin_, "actions", "--actor", "europol", "--status", "proposed",
                           "--as-of", AS_OF, "--format", "json"))
        equal(b.visible(), expected, "#actor=europol&status=proposed")
        b.open(url + "#status=overdue")
        expected = ids(cli(bin_, "actions", "--status", "overdue", "--as-of", AS_OF, "--format", "json"))
        equal(b.visible(), expected, "#status=overdue")
        b.open(url + "#section=law-enforcement-tools&theme=cybercrime")
        expected = ids(cli(bin_, "actions", "--section", "law-enforcement-tools", "--theme",
                           "cybercrime", "--format", "json"))
        equal(b.visible(), expected, "#section=...&theme=cybercrime")

    c.run("fragments with status, section and theme equal the library's filters", fragment_two_filters)

    def text_box() -> None:
        for base, base_args in [("#actor=europol", ["--actor", "europol"]), ("", [])]:
            for q in QUERIES:
                b.open(url + base)
                box = b.d.find_element(By.ID, "f-q")
                box.send_keys(q)
                expected = ids(cli(bin_, "actions", *base_args, "--text", q, "--format", "json"))
                equal(b.visible(), expected, f"{base or 'all'} + text {q!r}")
                if not base:
                    # Ranked search keeps entities that match only some of the words; the box
                    # keeps the cards that match every word: each of them is a search hit.
                    hits = cli(bin_, "search", q, "--limit", "100000", "--format", "json")
                    found = {h["id"] for h in hits if h["kind"] == "action"}
                    equal(sorted(set(b.visible()) - found), [], f"cards for {q!r} that search misses")
                frag = b.d.execute_script("return new URLSearchParams(location.hash.slice(1)).get('q')")
                equal(frag, q, "q in the fragment")

    c.run("the text box narrows like the filter's text (every word), within search's hits, and shows in the fragment", text_box)

    def keyboard() -> None:
        b.open(url)
        body = b.d.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        first = b.d.execute_script("return document.activeElement.className")
        equal(first, "skip", "first tab stop")
        sel = b.d.find_element(By.ID, "f-actor")
        label = b.d.execute_script(
            "return document.querySelector('#f-actor option[value=europol]').textContent")
        sel.send_keys(label)  # typing selects an option, as a keyboard user would
        equal(b.visible(), europol, "actor chosen from the keyboard")
        equal(b.d.execute_script("return location.hash"), "#actor=europol", "fragment")
        b.d.find_element(By.ID, "f-clear").send_keys(Keys.ENTER)
        b.d.execute_script("return new Promise(r => setTimeout(r, 50))")
        equal(b.visible(), all_ids, "after Clear filters")

    c.run("keyboard: skip link first, select by typing, clear", keyboard)

    def axe(label: str) -> None:
        b.d.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
        b.d.execute_script(axe_source)
        r = b.d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
            ".then(r => done({passes: r.passes.length, violations: r.violations.map(v => ({"
            "id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))}))"
            ".catch(e => done({passes: 0, violations: [{id: 'axe-error', help: String(e)}]}))")
        equal(r["violations"], [], f"axe-core WCAG 2 A/AA violations ({label})")
        # The rules ran (color-contrast among them), so "no violation" is not vacuous.
        equal(r["passes"] > 10, True, f"axe-core rules passed ({label}): {r['passes']}")
        print(f"     axe-core {label}: 0 violations, {r['passes']} rules passed")

    def axe_all() -> None:
        for width, dark in [(1280, False), (1280, True), (375, False), (375, True)]:
            b.width(width)
            b.dark(dark)
            b.open(url + "#status=overdue")
            axe(f"{width} px, {'dark' if dark else 'light'}")
        b.dark(False)

    c.run("axe-core: no WCAG 2 A or AA violation (light, dark; 1280 and 375 px)", axe_all)

    def screenshots() -> None:
        for w, dark in [(1280, False), (375, False), (1280, True)]:
            b.width(w, 900)
            b.dark(dark)
            b.open(url)
            name = f"report-{w}{'-dark' if dark else ''}.png"
            b.screenshot(out / name, height=2400)
            print(f"     wrote {out / name}")
        b.dark(False)
        b.width(1280)
        overflow = b.d.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        equal(overflow, False, "horizontal overflow at 1280 px")
        b.width(375)
        b.open(url)
        overflow = b.d.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        equal(overflow, False, "horizontal overflow at 375 px")

    c.run("screenshots at 1280 and 375 px; no sideways scrolling", screenshots)

    c.run("still offline after every check", offline_clean)
    print(f"report: {c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
