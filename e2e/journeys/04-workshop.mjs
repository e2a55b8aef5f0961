// Journey 4, the cross-impact workshop: a facilitator makes a 6×6 matrix in a workspace of
// demo country XAA from register policies and typed objectives; three assessors score it
// through the pages in three browser contexts; the tracker (watched live by the
// administrator's page) shows the gaps after the first and the second assessor and none
// after the third; the results' metrics equal the CLI's `matrix metrics` on the exported
// CSV. Hostile text (EVIL) is in element labels and reasons.
import fs from "node:fs";
import path from "node:path";
import { ADMIN_PASSWORD, EVIL, expect } from "../lib.mjs";

export const title = "cross-impact workshop: three assessors, the live tracker, the metrics equal the CLI's";

const LABOUR = "Ministry of Labour and Overseas Employment";
const HEALTH = "Ministry of Health";

/** The score assessor `a` gives to the pair (r, c): deterministic, −3 … +3, with disagreements. */
function scoreOf(a, r, c) {
  return ((r * 7 + c * 3 + a * 5) % 7) - 3;
}

/** Makes a user through the API; returns { id, name, password }. */
async function person(ctx, name, displayName) {
  const made = await ctx.api.ok("POST", "/api/v1/users", { name, display_name: displayName });
  ctx.users.set(name, made.password);
  return { id: made.user.id, name, password: made.password };
}

/** The government workspace of XAA (made if no journey made it before). */
async function workspaceOfXaa(ctx) {
  return ctx.government("XAA", "Pelaria");
}

/** The tracker's row of user `id` on `page`: how many pairs it has not scored. */
async function unscored(page, id) {
  const row = page.locator(`[data-poll] tr[data-assessor="${id}"]`);
  return Number(await row.getAttribute("data-unscored"));
}

/** Waits until the live tracker on `page` says user `id` has `n` pairs left. */
async function waitForUnscored(page, id, n) {
  await page.waitForSelector(`[data-poll] tr[data-assessor="${id}"][data-unscored="${n}"]`, { timeout: 15000 });
}

/** Fills and posts the scoring form on `page` as assessor number `a`. */
async function score(page, a) {
  const selects = page.locator("select[name^='s-']");
  const count = await selects.count();
  expect(count === 30, `a 6×6 matrix has 30 pairs to score, the form has ${count}`);
  for (let k = 0; k < count; k += 1) {
    const select = selects.nth(k);
    const [, r, c] = (await select.getAttribute("name")).split("-").map(Number);
    await select.selectOption(String(scoreOf(a, r, c)));
    const reason = r === 0 && c === 1 ? `${EVIL} (assessor ${a})` : `Assessor ${a}: evidence on ${r}→${c}`;
    await page.locator(`input[name="r-${r}-${c}"]`).fill(reason);
  }
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Save my scores" }).click()]);
  const text = await page.textContent("main");
  expect(text.includes("30 scores saved."), `the post saves 30 scores: ${text.slice(0, 400)}`);
}

export default async function (ctx) {
  const ws = await workspaceOfXaa(ctx);
  const facilitator = await person(ctx, "ws-facilitator", "Amina Facilitator");
  const second = await person(ctx, "ws-assessor-2", "Ben Labour");
  const third = await person(ctx, "ws-assessor-3", "Chandra Health");
  const member = (u, role, ministry) =>
    ctx.api.ok("PUT", `/api/v1/workspaces/${ws}/members/${u.id}`, { role, ministry, reason: "journey 4" });
  await member(facilitator, "coordinator", null);
  await member(second, "contributor", LABOUR);
  await member(third, "contributor", HEALTH);

  // The facilitator makes the matrix: register policies ticked, the rest typed.
  const fac = await ctx.newPage("facilitator");
  await ctx.signIn(fac, facilitator.name, facilitator.password);
  await fac.goto(`/w/${ws}/matrices`);
  await ctx.check(fac, "matrices");
  const boxes = fac.locator("input[name='policy']");
  const picked = Math.min(2, await boxes.count());
  for (let k = 0; k < picked; k += 1) await boxes.nth(k).check();
  const typed = ["health: Universal health coverage", "remit: Cheaper remittances", `evil: ${EVIL}`, "skills: Skills recognition", "return: Safe return and reintegration", "care: Care workers' rights"].slice(0, 6 - picked);
  const name = `Workshop ${Date.now()}`;
  await fac.getByLabel("Name of the matrix").fill(name);
  await fac.getByLabel("Objectives").fill(typed.join("\n"));
  await fac.getByLabel("Reason").fill("journey 4: policy coherence workshop");
  await Promise.all([fac.waitForNavigation(), fac.getByRole("button", { name: "Make the matrix" }).click()]);
  const matrixUrl = new URL(fac.url()).pathname;
  expect(/^\/w\/\d+\/matrices\/\d+$/.test(matrixUrl), `making the matrix goes to its page: ${fac.url()}`);
  const matrixId = Number(matrixUrl.split("/").pop());
  const others = (await ctx.api.ok("GET", `/api/v1/workspaces/${ws}/matrices/${matrixId}/progress`)).assessors.filter(
    (a) => ![facilitator.id, second.id, third.id].includes(a.user_id),
  );

  // The administrator watches the live tracker.
  const admin = await ctx.newPage("admin");
  await ctx.signIn(admin, "admin", ADMIN_PASSWORD);
  await admin.goto(matrixUrl);
  for (const u of [facilitator, second, third]) {
    expect((await unscored(admin, u.id)) === 30, `before any score, ${u.name} has 30 pairs left`);
  }
  await ctx.check(admin, "tracker-before");
  await ctx.check(fac, "scoring-form");
  expect(await fac.getByRole("link", { name: "Go to your next unscored pair" }).count() === 1, "the next unscored pair is offered");

  // Assessor 1 (the facilitator) scores; the tracker shows the gaps of the others.
  await score(fac, 0);
  await waitForUnscored(admin, facilitator.id, 0);
  expect((await unscored(admin, second.id)) === 30 && (await unscored(admin, third.id)) === 30, "after the first, two still have 30 left");
  expect(!(await admin.textContent("[data-poll]")).includes("Everyone has scored"), "the gaps are shown");
  await ctx.check(fac, "scored-first");

  // Assessor 2, in a context of its own.
  const p2 = await ctx.newPage("assessor-2");
  await ctx.signIn(p2, second.name, second.password);
  await p2.goto(matrixUrl);
  await score(p2, 1);
  await waitForUnscored(admin, second.id, 0);
  expect((await unscored(admin, third.id)) === 30, "after the second, the third has 30 left");
  const gaps = await admin.textContent("[data-poll]");
  expect(gaps.includes("Chandra Health") && gaps.includes("Not finished"), `the tracker names who has not scored: ${gaps.slice(0, 300)}`);
  await ctx.check(admin, "tracker-gaps");

  // Assessor 3, at phone width.
  const p3 = await ctx.newPage("assessor-3-phone", { width: 390, height: 844 });
  await ctx.signIn(p3, third.name, third.password);
  await p3.goto(matrixUrl);
  const overflow = await p3.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, "the scoring form fits a phone-width screen");
  await ctx.check(p3, "scoring-phone");
  await score(p3, 2);
  await waitForUnscored(admin, third.id, 0);
  if (others.length === 0) {
    await admin.waitForSelector("[data-poll] [data-left='0']", { timeout: 15000 });
    expect((await admin.textContent("[data-poll]")).includes("Everyone has scored every pair."), "no gaps after the third");
  }
  await ctx.check(admin, "tracker-done");

  // The facilitator's view.
  await fac.goto(`${matrixUrl}/results`);
  await ctx.check(fac, "results");
  expect(await fac.locator("svg.heat[role='img']").count() === 1, "a heat map with a text alternative");
  expect(await fac.locator("svg.network[role='img']").count() === 1, "a network diagram with a text alternative");
  expect(await fac.locator("table.medians td.disagree").count() > 0, "disagreements are highlighted");
  const reasons = await fac.textContent("table.reasons");
  for (const who of ["Amina Facilitator", "Ben Labour", "Chandra Health"]) expect(reasons.includes(who), `${who}'s reasons are side by side`);
  expect(reasons.includes(EVIL), "hostile reasons are shown as text");

  // The exported judgements through the CLI give the page's metrics.
  const [csvDownload] = await Promise.all([fac.waitForEvent("download"), fac.getByRole("link", { name: /Judgements \(CSV/ }).click()]);
  const csvFile = path.join(ctx.out, `04-judgements-${ctx.store}.csv`);
  await csvDownload.saveAs(csvFile);
  const cli = JSON.parse(await ctx.cli(["matrix", "metrics", "--format", "json", csvFile]));
  const nodes = cli.metrics.nodes;
  expect(nodes.length === 6, `the CLI sees 6 objectives, not ${nodes.length}`);
  const keys = ["out_influence", "out_positive", "out_negative", "in_influence", "in_positive", "in_negative", "second_order_out", "second_order_in", "combined_out", "combined_in", "pagerank"];
  for (const node of nodes) {
    for (const key of keys) {
      const cell = fac.locator(`table.metrics tr[data-node="${node.name}"] td[data-metric="${key}"]`);
      const shown = Number(await cell.getAttribute("data-value"));
      expect(Math.abs(shown - node[key]) < 1e-12, `${node.name} ${key}: the page shows ${shown}, the CLI ${node[key]}`);
    }
  }
  const conflicts = await fac.locator("table.conflicts tbody tr").count();
  expect(conflicts === cli.metrics.conflicts.length, `conflicts: the page lists ${conflicts}, the CLI ${cli.metrics.conflicts.length}`);

  // The workbook and the graph.
  for (const [link, ext, probe] of [[/Excel/, "xlsx", "PK"], [/GraphML/, "graphml", "<graphml"]]) {
    const [d] = await Promise.all([fac.waitForEvent("download"), fac.getByRole("link", { name: link }).click()]);
    const file = path.join(ctx.out, `04-export-${ctx.store}.${ext}`);
    await d.saveAs(file);
    const head = fs.readFileSync(file, "utf8").slice(0, 400);
    expect(head.includes(probe), `the ${ext} export is one (${head.slice(0, 40)})`);
  }

  // The results at phone width.
  const phone = await ctx.newPage("results-phone", { width: 390, height: 844 });
  await ctx.signIn(phone, facilitator.name, facilitator.password);
  await phone.goto(`${matrixUrl}/results`);
  const wide = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!wide, "the results fit a phone-width screen");
  await ctx.check(phone, "results-phone");
}
