// The harness of the end-to-end journeys: a server on a store of its own, a real browser
// (Debian's chromium, driven by playwright-core; no browser download), the API for
// setting up, the CLI for comparing, screenshots, axe-core checks and injection checks.
import { spawn, execFile } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

/** The administrator's password once the harness has replaced the one-time password. */
export const ADMIN_PASSWORD = "e2e-administrator-password";

/** The payloads put in free-text fields: none may execute or become markup. */
export const PAYLOADS = [
  "<script>window.__xss=1</script>",
  "\"><img src=x onerror=\"window.__xss=1\">",
];
/** Both payloads in one text. */
export const EVIL = PAYLOADS.join(" ");

/** Fails the journey with `message` unless `condition` holds. */
export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Starts `coherence serve --demo` on `db`; resolves once it listens. */
export async function startServer(bin, db, logFile) {
  const log = fs.openSync(logFile, "w");
  const child = spawn(bin, ["--db", db, "serve", "--demo", "--insecure-cookies", "--listen", "127.0.0.1:0"], {
    stdio: ["ignore", "pipe", log],
  });
  let out = "";
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start in 60 s:\n" + out)), 60000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/[0-9.:]+/);
      if (m && out.includes("One-time password")) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
  const password = out.match(/One-time password:\s*(\S+)/)[1];
  return { base, password, stop: () => child.kill("SIGTERM") };
}

/** A client of the JSON API with a session of its own. */
export class Api {
  constructor(base) {
    this.base = base;
    this.cookie = null;
  }

  /** Calls the API; resolves to { status, body } (JSON or text). */
  async call(method, path, body, { raw } = {}) {
    const headers = { origin: this.base };
    if (this.cookie) headers.cookie = this.cookie;
    let payload;
    if (raw !== undefined) {
      headers["content-type"] = "application/octet-stream";
      payload = raw;
    } else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const r = await fetch(this.base + path, { method, headers, body: payload, redirect: "manual" });
    const setCookie = r.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0];
    const text = await r.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch (_) {
      // Not JSON.
    }
    return { status: r.status, body: parsed };
  }

  /** Calls the API and fails unless the status is 2xx. */
  async ok(method, path, body, options) {
    const r = await this.call(method, path, body, options);
    expect(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** Signs in as `name`. */
  async signIn(name, password) {
    return this.ok("POST", "/api/v1/session", { name, password });
  }
}

/** Everything a journey gets. */
export class Context {
  constructor({ base, browser, api, store, bin, db, out }) {
    Object.assign(this, { base, browser, api, store, bin, db, out });
    this.pages = [];
    this.problems = [];
    this.users = new Map();
  }

  /** A new browser context (its own cookies) and page, at 1280×800 unless `viewport`. */
  async newPage(label, viewport = { width: 1280, height: 800 }) {
    const context = await this.browser.newContext({ viewport, baseURL: this.base, acceptDownloads: true });
    const page = await context.newPage();
    page.label = label;
    // A page answered 4xx (a refusal the journey expects) logs "Failed to load resource";
    // failures of a page's own files (styles, script) are caught by their responses.
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
        this.problems.push(`${label}: console error: ${m.text()}`);
      }
    });
    page.on("response", (r) => {
      const type = r.request().resourceType();
      if (["stylesheet", "script", "image", "font"].includes(type) && r.status() >= 400) {
        this.problems.push(`${label}: ${type} ${r.url()} answered ${r.status()}`);
      }
    });
    page.on("pageerror", (e) => this.problems.push(`${label}: script error: ${e.message}`));
    page.on("dialog", (d) => {
      this.problems.push(`${label}: a dialog opened (${d.message()}): injected script ran`);
      d.dismiss().catch(() => {});
    });
    this.pages.push(page);
    return page;
  }

  /** Makes a user through the API (as the administrator) and returns its password. */
  async user(name, displayName) {
    if (this.users.has(name)) return this.users.get(name);
    const made = await this.api.ok("POST", "/api/v1/users", { name, display_name: displayName || name });
    const password = made.password || made.one_time_password;
    expect(password, `POST /api/v1/users gave no password: ${JSON.stringify(made)}`);
    this.users.set(name, password);
    return password;
  }

  /** The id of `country`'s government workspace: the one an earlier journey made (one
   * per country), or a new one named `name`, made through the API. */
  async government(country, name) {
    const list = await this.api.ok("GET", "/api/v1/workspaces?kind=government&limit=1000");
    const found = list.items.find((w) => w.country === country);
    if (found) return found.id;
    return (await this.api.ok("POST", "/api/v1/workspaces", { name, country, reason: "e2e journey" })).id;
  }

  /** Signs `page` in as `name` through the sign-in page. */
  async signIn(page, name, password) {
    await page.goto("/signin");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Password").fill(password);
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Sign in" }).click()]);
    expect(!page.url().includes("/signin"), `${name} could not sign in: ${await page.textContent("main")}`);
  }

  /** Checks the page as it is: a screenshot, axe-core (no serious or critical violation),
   * no injected markup or script, no console or script error so far. */
  async check(page, name) {
    const file = path.join(this.out, `${this.journey}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const result = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }),
    );
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      bad.length === 0,
      `${name}: axe-core: ` +
        bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")}`).join(" | "),
    );
    await assertNoInjection(page, name);
    const problems = this.problems.splice(0);
    expect(problems.length === 0, `${name}: ${problems.join(" | ")}`);
    this.checked = (this.checked || 0) + 1;
  }

  /** Runs the CLI on the same store; resolves to its stdout. */
  cli(args) {
    return new Promise((resolve, reject) => {
      execFile(this.bin, ["--db", this.db, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`coherence ${args.join(" ")}: ${stderr || err.message}`));
        else resolve(stdout);
      });
    });
  }
}

/** Fails if an injected payload executed or became markup on `page`. */
export async function assertNoInjection(page, name) {
  const found = await page.evaluate(() => ({
    ran: window.__xss !== undefined,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.scripts].filter((s) => !s.src.endsWith("/static/app.js")).length,
  }));
  expect(!found.ran, `${name}: an injected script ran`);
  expect(found.images === 0, `${name}: an injected <img> became markup`);
  expect(found.scripts === 0, `${name}: a <script> element other than the page's own is in the page`);
}

/** Launches Debian's chromium (or COHERENCE_CHROMIUM). */
export async function launch() {
  const executablePath = process.env.COHERENCE_CHROMIUM || "/usr/bin/chromium";
  return chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}
