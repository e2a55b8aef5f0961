// Last: every page reachable from the home page, as the administrator and as a
// contributor, at 1280×800 and at phone width: axe-core finds no serious or critical
// violation, no injected text (the earlier journeys put script and markup in every
// free-text field) became markup or ran, nothing overflows a phone-width screen, and each
// page's own markup (without the data it shows: the frame, style sheet and script) stays
// under 200 KB.
import { ADMIN_PASSWORD, expect } from "../lib.mjs";

export const title = "every page: accessible, injection-free, usable at phone width";

const SKIP = [/^\/api\//, /^\/language/, /\/download\//, /\/export\//, /\/files\//, /^\/signout/, /^\/static\//];
const LIMIT = 160;
const PROFILES = ["/profiles/XAA", "/profiles/world", "/profiles/NPL"];

async function crawl(ctx, page, label) {
  const seen = new Set();
  const queue = ["/"];
  let checked = 0;
  while (queue.length && seen.size < LIMIT) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await page.goto(path);
    if (!response || response.status() >= 400 || !response.headers()["content-type"]?.startsWith("text/html")) continue;
    const frame = await page.evaluate(() => {
      const main = document.querySelector("main");
      return document.documentElement.outerHTML.length - (main ? main.outerHTML.length : 0);
    });
    expect(frame < 200 * 1024, `${path}: the page's frame is ${frame} bytes`);
    await ctx.check(page, `${label}-${checked}`);
    checked += 1;
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    if (overflow && page.viewportSize().width <= 600) {
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((e) => !e.parentElement.closest(".table-wrap"))
          .slice(0, 6)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`),
      );
      expect(false, `${path}: wider than a phone-width screen: ${wide.join(", ")}`);
    }
    const links = await page.evaluate(() =>
      [...document.querySelectorAll("a[href]:not([download])")]
        .map((a) => new URL(a.href, location.href))
        .filter((u) => u.origin === location.origin)
        .map((u) => u.pathname + u.search),
    );
    for (const link of links) {
      if (seen.has(link) || SKIP.some((r) => r.test(link))) continue;
      // Of the ~300 profiles, the demo country's, a group's and a real country's.
      if (link.startsWith("/profiles/") && !PROFILES.includes(link)) continue;
      queue.push(link);
    }
  }
  return checked;
}

export default async function (ctx) {
  const admin = await ctx.newPage("admin");
  await ctx.signIn(admin, "admin", ADMIN_PASSWORD);
  const n = await crawl(ctx, admin, "admin");
  expect(n >= 5, `the administrator reached ${n} pages`);
  const phone = await ctx.newPage("phone", { width: 390, height: 844 });
  await ctx.signIn(phone, "admin", ADMIN_PASSWORD);
  const m = await crawl(ctx, phone, "phone");
  console.log(`     ${n} pages at 1280×800 and ${m} at 390×844 checked`);
}
