// End-to-end test of nianbao's HTML output in real headless Chromium.
//
//   node e2e/run.mjs <site dir> <artifacts dir>
//
// Loads every .html page under <site dir> from disk (file://) and checks:
//   - no console error and no uncaught exception;
//   - no request outside <site dir> (anything else is blocked and reported);
//   - every chart is drawn (an <svg> or <canvas> inside each .nb-chart-canvas);
//   - at 390 px the page itself never scrolls sideways (tables scroll in their box);
//   - axe-core reports no serious or critical accessibility violation;
//   - every full page's 长辈版 (large-print) switch is reached with the Tab
//     key and turned on with Space; it enlarges the type (at least 1.3×),
//     keeps the line height at least 1.5 times the type size, and the page
//     still passes axe and does not scroll sideways at 390 px.
// Screenshots of the home page, a trend page and report pages at 1280 px and
// 390 px, and an A4 print PDF of one report, are saved in <artifacts dir>.
// Exits 1 when any check fails. Chromium: CHROMIUM env or /usr/bin/chromium.

import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [siteArg, artifactsArg] = process.argv.slice(2);
if (!siteArg || !artifactsArg) {
  console.error("usage: node e2e/run.mjs <site dir> <artifacts dir>");
  process.exit(2);
}
const siteDir = fs.realpathSync(siteArg);
const artifacts = path.resolve(artifactsArg);
fs.mkdirSync(artifacts, { recursive: true });
const siteURL = pathToFileURL(siteDir).href + "/";
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

function htmlFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith(".html")) out.push(p);
  }
  return out.sort();
}

const pages = htmlFiles(siteDir);
if (pages.length === 0) {
  console.error(`no .html files under ${siteDir}`);
  process.exit(1);
}

// Pages to photograph: home, the first trend page, the newest and oldest report of the first organ.
const rel = (p) => path.relative(siteDir, p).split(path.sep).join("/");
const trend = pages.find((p) => /^[^/]+\/index\.html$/.test(rel(p)));
const reports = pages.filter((p) => /^[^/]+\/\d{4}\.html$/.test(rel(p)));
const shots = new Map();
if (pages.includes(path.join(siteDir, "index.html"))) shots.set(path.join(siteDir, "index.html"), "home");
if (trend) shots.set(trend, "trend");
if (reports.length) {
  shots.set(reports[reports.length - 1], "report-" + path.basename(reports[reports.length - 1], ".html"));
  shots.set(reports[0], "report-" + path.basename(reports[0], ".html"));
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-e2e-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1280, height: 900 },
  offline: true,
});

let passed = 0;
const failures = [];
function check(ok, name, detail) {
  if (ok) {
    passed++;
  } else {
    failures.push(`${name}${detail ? ": " + detail : ""}`);
    console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
  }
}

try {
  for (const file of pages) {
    const name = rel(file);
    const page = await context.newPage();
    const errors = [];
    const outside = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(siteURL) || url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") {
        return route.continue();
      }
      outside.push(url);
      return route.abort();
    });
    page.on("requestfailed", (r) => {
      const url = r.url();
      if (url.startsWith(siteURL)) errors.push(`request failed: ${url} ${r.failure()?.errorText}`);
    });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.waitForTimeout(100);

    const charts = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll(".nb-chart-canvas")];
      return {
        figures: document.querySelectorAll("figure.nb-chart").length,
        boxes: boxes.length,
        drawn: boxes.filter((b) => !b.hidden && b.querySelector("svg, canvas") && b.getBoundingClientRect().height > 0).length,
        tables: document.querySelectorAll("figure.nb-chart table").length,
        // A report whose 表三 and 表四 figures are all 0 has no charts:
        // Build leaves out charts with nothing to show.
        nonzero: [...document.querySelectorAll("#table3 td.nb-num, #table4 td.nb-num")].some((td) => /[1-9]/.test(td.textContent)),
      };
    });
    check(charts.boxes === charts.figures && charts.drawn === charts.boxes, `${name}: every chart drawn`,
      `${charts.drawn} of ${charts.boxes} drawn, ${charts.figures} figures`);
    check(charts.tables === charts.figures, `${name}: every chart has a data table`, `${charts.tables} tables for ${charts.figures} charts`);
    if (name.match(/^[^/]+\/(\d{4}|index)\.html$/)) {
      if (name.endsWith("index.html") || charts.nonzero) {
        // Charts whose own figures are all 0 are left out, so a report
        // with few figures may have fewer than the usual set.
        check(charts.figures >= 1, `${name}: has charts`, `${charts.figures} charts`);
      } else {
        check(charts.figures === 0, `${name}: all-zero report has no empty charts`, `${charts.figures} charts`);
      }
    }

    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"], preload: false });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(" ") }));
    });
    const serious = axe.filter((v) => v.impact === "serious" || v.impact === "critical");
    for (const v of axe) {
      console.log(`axe ${name}: ${v.impact} ${v.id} (${v.nodes} nodes, e.g. ${v.target}): ${v.help}`);
    }
    check(serious.length === 0, `${name}: no serious or critical axe violation`, serious.map((v) => v.id).join(", "));

    const shot = shots.get(file);
    if (shot) {
      await page.screenshot({ path: path.join(artifacts, `${shot}-desktop.png`), fullPage: true });
    }
    // 长辈版: keyboard only. Tab from the top until the switch has focus.
    const large = await page.$("#nb-large");
    if (large) {
      const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p") || document.body).fontSize));
      let reached = false;
      for (let i = 0; i < 10 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement && document.activeElement.id === "nb-large");
      }
      check(reached, `${name}: 长辈版 switch reachable with Tab`);
      if (reached) {
        await page.keyboard.press("Space");
        await page.waitForTimeout(100);
        const after = await page.evaluate(() => {
          const p = document.querySelector("main p") || document.body;
          const cs = getComputedStyle(p);
          return { checked: document.querySelector("#nb-large").checked, size: parseFloat(cs.fontSize), line: parseFloat(cs.lineHeight) };
        });
        check(after.checked && after.size >= before * 1.3, `${name}: 长辈版 enlarges the type`, `${before}px → ${after.size}px`);
        check(after.line >= after.size * 1.5, `${name}: 长辈版 line height at least 1.5× the type`, `${after.line}px for ${after.size}px`);
        const axeLarge = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ["violations"], preload: false });
          return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
        });
        check(axeLarge.length === 0, `${name}: 长辈版 has no serious or critical axe violation`, axeLarge.join(", "));
        if (shot) {
          await page.screenshot({ path: path.join(artifacts, `${shot}-large-desktop.png`), fullPage: true });
        }
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(100);
        const overflowLarge = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        check(overflowLarge <= 0, `${name}: 长辈版 no sideways page scroll at 390 px`, `page is ${overflowLarge}px wider than the screen`);
        if (shot) {
          await page.screenshot({ path: path.join(artifacts, `${shot}-large-phone.png`), fullPage: true });
        }
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.keyboard.press("Space"); // back to the normal page
        await page.waitForTimeout(100);
      }
    } else if (!name.endsWith("-breakdown.html")) {
      check(false, `${name}: has the 长辈版 switch`);
    }

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `${name}: no sideways page scroll at 390 px`, `page is ${overflow}px wider than the screen`);
    if (shot) {
      await page.screenshot({ path: path.join(artifacts, `${shot}-phone.png`), fullPage: true });
    }
    if (shot && shot.startsWith("report-") && !fs.existsSync(path.join(artifacts, "report-print.pdf"))) {
      await page.emulateMedia({ media: "print" });
      await page.pdf({ path: path.join(artifacts, "report-print.pdf"), preferCSSPageSize: true, printBackground: false });
    }

    check(errors.length === 0, `${name}: no console error`, errors.join(" | "));
    check(outside.length === 0, `${name}: no request outside the site folder`, outside.join(" "));
    await page.close();
  }
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`checked ${pages.length} pages; artifacts in ${artifacts}`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
