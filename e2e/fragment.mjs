// A --fragment pasted into a CMS whose editor strips <style> blocks.
//
//   node e2e/fragment.mjs <fragment.html> <artifacts dir>
//
// Puts the fragment into a plain page three ways and photographs its table
// 三 (table3) at 1000 px in each:
//   fragment-styled.png    the fragment as written (with its <style> block);
//   fragment-stripped.png  the <style> block removed, as a sanitizer does;
//   fragment-bare.png      the <style> block and every style attribute
//                          removed: what the tables looked like before the
//                          fragment carried inline styles (a control).
// Each also as fragment-<way>-rules.png with the text made transparent, so
// that only the table's rules and shading are left to compare. It also
// checks, in the stripped page, that every table cell still has a visible
// solid border. The Go test compares the pictures.
// Chromium: CHROMIUM env or /usr/bin/chromium.

import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [fragArg, artifactsArg] = process.argv.slice(2);
if (!fragArg || !artifactsArg) {
  console.error("usage: node e2e/fragment.mjs <fragment.html> <artifacts dir>");
  process.exit(2);
}
const fragment = fs.readFileSync(fragArg, "utf8");
const artifacts = path.resolve(artifactsArg);
fs.mkdirSync(artifacts, { recursive: true });

// The CMS article page: its own font, no nianbao stylesheet.
const wrap = (body) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>文章</title>
<style>body{margin:0;padding:16px;font:16px/1.6 "Noto Sans CJK SC",sans-serif;color:#000;background:#fff}</style></head>
<body><div class="article">${body}</div></body></html>`;
const stripStyle = (h) => h.replace(/<style>[\s\S]*?<\/style>/g, "");
const variants = {
  styled: fragment,
  stripped: stripStyle(fragment),
  bare: stripStyle(fragment).replace(/ style="[^"]*"/g, ""),
};

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-frag-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  viewport: { width: 1000, height: 900 },
  offline: true,
});
let failed = 0;
try {
  for (const [name, html] of Object.entries(variants)) {
    const page = await context.newPage();
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    await page.setContent(wrap(html), { waitUntil: "load" });
    const table = await page.$("#table3");
    if (!table) {
      console.log(`FAIL ${name}: no #table3`);
      failed++;
      continue;
    }
    await table.screenshot({ path: path.join(artifacts, `fragment-${name}.png`) });
    await page.addStyleTag({ content: ".article *, .article *::before, .article *::after { color: transparent !important; }" });
    await table.screenshot({ path: path.join(artifacts, `fragment-${name}-rules.png`) });
    if (name === "stripped") {
      const bad = await page.evaluate(() =>
        [...document.querySelectorAll("table td, table th")].filter((c) => {
          const cs = getComputedStyle(c);
          return !(parseFloat(cs.borderTopWidth) >= 1 && cs.borderTopStyle === "solid" && parseFloat(cs.borderLeftWidth) >= 1);
        }).length,
      );
      if (bad > 0) {
        console.log(`FAIL stripped: ${bad} table cells without a visible border`);
        failed++;
      }
    }
    await page.close();
  }
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(failed ? `${failed} fragment checks failed` : "fragment checks passed");
process.exit(failed ? 1 : 0);
