// The layout check of HTML briefs in a real browser: every brief of a folder is opened in
// ONE Chromium session (Debian's chromium, driven by playwright-core) and measured.
//
//   node e2e/brief-layout.mjs --dir BRIEFS [--out DIR] [--only TEXT] [--shots CODE,CODE]
//
// For each brief, on screen at 1280 px and 800 px wide, and as printed on A4 (print media,
// 180 mm of content = 680 px wide), with every <details> opened:
//   * the page does not overflow sideways, except inside an explicit scroll wrapper
//     (`.table-wrap`) on screen; in print nothing may overflow;
//   * in every chart (<svg class="chart">), every <text> lies inside the chart's box, and
//     no two texts intersect (their transformed boxes, rotations included);
//   * every headline card's contents lie inside the card; every figure inside its parent.
// Each failure names the brief, the section (its heading) and the element's text. Exits 1
// on any failure. `--shots` saves PNG screenshots of the named briefs' charts in DIR.
import fs from "node:fs";
import path from "node:path";
import { launch } from "./lib.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
if (!args.dir) {
  console.error("usage: node e2e/brief-layout.mjs --dir BRIEFS [--out DIR] [--only TEXT] [--shots CODE,CODE]");
  process.exit(2);
}
const out = path.resolve(args.out || "target/brief-layout");
fs.mkdirSync(out, { recursive: true });
const shots = new Set((args.shots || "").split(",").filter(Boolean));
const files = fs
  .readdirSync(args.dir)
  .filter((f) => f.endsWith(".html") && (!args.only || f.includes(args.only)))
  .sort();

/** The views every brief is measured in: name, viewport width, media. */
const VIEWS = [
  { name: "screen 1280px", width: 1280, media: "screen" },
  { name: "screen 800px", width: 800, media: "screen" },
  { name: "print A4", width: 680, media: "print" },
];

/** Runs in the page: returns the layout faults as { section, what, text }. */
function measure(print) {
  const TOL = 0.75; // px: sub-pixel rounding is not a fault
  const faults = [];
  const short = (s) => (s || "").replace(/\s+/g, " ").trim().slice(0, 90);
  const sectionOf = (el) => {
    const s = el.closest("section");
    const h = s && s.querySelector("h2");
    if (h) return short(h.textContent);
    return s ? s.id : el.closest("header") ? "header" : "page";
  };
  const ownText = (el) => {
    // A text's visible words, without its <title> tooltip.
    const clone = el.cloneNode(true);
    clone.querySelectorAll("title").forEach((t) => t.remove());
    return short(clone.textContent);
  };
  const visible = (el) => el.getClientRects().length > 0;
  for (const d of document.querySelectorAll("details")) d.open = true;

  // 1. The page does not overflow sideways (on screen, a scroll wrapper may).
  const width = document.documentElement.clientWidth;
  const over = new Set();
  // Only a page that can scroll sideways has an element past its edge: look for the
  // culprits then (the page is long; this keeps the check fast).
  const overflows = document.documentElement.scrollWidth > width + TOL;
  for (const el of overflows ? document.body.querySelectorAll("*") : []) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    // On screen, a table may scroll inside its explicit wrapper; in print nothing scrolls.
    if (!print && el.parentElement.closest(".table-wrap")) continue;
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + TOL || r.left < -TOL) over.add(el);
  }
  // Report the outermost offenders only.
  for (const el of over) {
    if (over.has(el.parentElement)) continue;
    const r = el.getBoundingClientRect();
    faults.push({
      section: sectionOf(el),
      what: `<${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""}> runs past the page (${Math.round(r.left)}–${Math.round(r.right)} px of ${width})`,
      text: short(el.textContent).slice(0, 60),
    });
  }

  // 2. Charts: texts inside the chart, and no two texts intersecting.
  const corners = (el) => {
    const b = el.getBBox();
    const m = el.getScreenCTM();
    return [
      [b.x, b.y],
      [b.x + b.width, b.y],
      [b.x + b.width, b.y + b.height],
      [b.x, b.y + b.height],
    ].map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
  };
  // Separating axes of two convex quadrilaterals; they intersect when no axis separates
  // them by more than the tolerance.
  const intersect = (p, q) => {
    for (const poly of [p, q]) {
      for (let i = 0; i < 4; i++) {
        const [x1, y1] = poly[i];
        const [x2, y2] = poly[(i + 1) % 4];
        const len = Math.hypot(x2 - x1, y2 - y1) || 1;
        const ax = -(y2 - y1) / len;
        const ay = (x2 - x1) / len;
        const proj = (pts) => pts.map(([x, y]) => x * ax + y * ay);
        const a = proj(p);
        const b = proj(q);
        if (Math.max(...a) - TOL <= Math.min(...b) || Math.max(...b) - TOL <= Math.min(...a)) return false;
      }
    }
    return true;
  };
  for (const svg of document.querySelectorAll("svg.chart")) {
    if (!visible(svg)) continue;
    const box = svg.getBoundingClientRect();
    const title = short(svg.querySelector("title")?.textContent) || svg.id;
    const texts = [...svg.querySelectorAll("text")].filter((t) => visible(t) && ownText(t) !== "");
    const quads = texts.map(corners);
    texts.forEach((t, i) => {
      const xs = quads[i].map((c) => c[0]);
      const ys = quads[i].map((c) => c[1]);
      if (Math.min(...xs) < box.left - TOL || Math.max(...xs) > box.right + TOL || Math.min(...ys) < box.top - TOL || Math.max(...ys) > box.bottom + TOL) {
        faults.push({ section: sectionOf(svg), what: `chart "${title}": text outside the chart`, text: ownText(t) });
      }
    });
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (intersect(quads[i], quads[j])) {
          faults.push({ section: sectionOf(svg), what: `chart "${title}": texts overlap`, text: `"${ownText(texts[i])}" and "${ownText(texts[j])}"` });
        }
      }
    }
  }

  // 3. Cards and figures hold their contents.
  const inside = (container, kind) => {
    const c = container.getBoundingClientRect();
    for (const el of container.querySelectorAll("*")) {
      if (!visible(el) || (el.closest("svg") && el.tagName.toLowerCase() !== "svg")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > c.right + TOL || r.left < c.left - TOL || r.bottom > c.bottom + TOL) {
        faults.push({ section: sectionOf(container), what: `${kind}: <${el.tagName.toLowerCase()}> outside it`, text: short(el.textContent).slice(0, 60) || short(container.textContent).slice(0, 60) });
        return;
      }
    }
  };
  for (const card of document.querySelectorAll(".card")) inside(card, `card "${short(card.querySelector("dt")?.textContent)}"`);
  for (const fig of document.querySelectorAll("figure")) {
    const p = fig.parentElement.getBoundingClientRect();
    const r = fig.getBoundingClientRect();
    if (visible(fig) && (r.right > p.right + TOL || r.left < p.left - TOL)) {
      faults.push({ section: sectionOf(fig), what: "figure wider than its container", text: short(fig.querySelector("figcaption")?.textContent).slice(0, 60) });
    }
  }
  return faults;
}

const started = Date.now();
const browser = await launch();
let failures = 0;
let checked = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
  // Briefs load nothing; any request beyond the file itself is refused.
  await context.route(/^(?!file:)/, (route) => route.abort());
  const page = await context.newPage();
  for (const file of files) {
    const brief = file.replace(/\.html$/, "");
    const url = "file://" + path.resolve(args.dir, file);
    await page.goto(url);
    for (const view of VIEWS) {
      await page.emulateMedia({ media: view.media });
      await page.setViewportSize({ width: view.width, height: 900 });
      const faults = await page.evaluate(measure, view.media === "print");
      checked += 1;
      // One line per distinct fault: the same fault in two views is named once per view.
      const seen = new Set();
      for (const f of faults) {
        const line = `FAIL ${brief} [${view.name}] ${f.section}: ${f.what}: ${f.text}`;
        if (seen.has(line)) continue;
        seen.add(line);
        failures += 1;
        console.log(line);
      }
    }
    if (shots.has(brief)) {
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize({ width: 1280, height: 900 });
      const charts = await page.$$("svg.chart");
      for (const [i, chart] of charts.entries()) {
        await chart.screenshot({ path: path.join(out, `${brief}-chart-${i + 1}.png`) });
      }
      const cards = await page.$("dl.cards");
      if (cards) await cards.screenshot({ path: path.join(out, `${brief}-cards.png`) });
    }
  }
} finally {
  await browser.close();
}
const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(`${files.length} briefs measured in ${checked} views in ${secs} s; ${failures} layout fault(s)${shots.size ? `; screenshots in ${out}` : ""}`);
process.exit(failures ? 1 : 0);
