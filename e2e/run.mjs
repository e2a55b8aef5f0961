// Runs every journey of e2e/journeys/ in name order, in one browser session, on one store.
//
//   node e2e/run.mjs --bin target/debug/coherence --db STORE --store sqlite|postgres --out DIR [--only NAME]
//
// Each journey file exports `title` and a default async function taking the Context of
// lib.mjs. Exits 1 if any journey fails; screenshots are in DIR.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ADMIN_PASSWORD, Api, Context, launch, startServer } from "./lib.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(args.out || "target/e2e");
fs.mkdirSync(out, { recursive: true });

const server = await startServer(path.resolve(args.bin), args.db, path.join(out, "server.log"));
let failed = 0;
let browser;
try {
  const api = new Api(server.base);
  await api.signIn("admin", server.password);
  await api.ok("PUT", "/api/v1/me/password", { current: server.password, new: ADMIN_PASSWORD });
  await api.signIn("admin", ADMIN_PASSWORD);
  browser = await launch();
  const files = fs
    .readdirSync(path.join(here, "journeys"))
    .filter((f) => f.endsWith(".mjs") && (!args.only || f.includes(args.only)))
    .sort();
  const ctx = new Context({ base: server.base, browser, api, store: args.store, bin: path.resolve(args.bin), db: args.db, out });
  for (const file of files) {
    const journey = await import(path.join(here, "journeys", file));
    ctx.journey = file.replace(/\.mjs$/, "");
    ctx.problems = [];
    const started = Date.now();
    try {
      await journey.default(ctx);
      console.log(`ok   ${args.store} ${ctx.journey}: ${journey.title} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${args.store} ${ctx.journey}: ${journey.title}\n     ${e.stack || e}`);
      for (const page of ctx.pages) {
        await page.screenshot({ path: path.join(out, `${ctx.journey}-FAILED-${page.label}.png`), fullPage: true }).catch(() => {});
      }
    }
    for (const page of ctx.pages) await page.context().close().catch(() => {});
    ctx.pages = [];
  }
  console.log(`${files.length - failed} of ${files.length} journeys passed on ${args.store}; ${ctx.checked || 0} pages checked with axe-core; screenshots in ${out}`);
} finally {
  if (browser) await browser.close();
  server.stop();
}
process.exit(failed ? 1 : 0);
