// The SDG 10.7.2 questionnaire answered by two ministries through the pages; the
// coordinator assigns items, settles a conflict, stores a version and signs it off; the
// score on the page equals `coherence assess` on an answers file with the same answers;
// a second version is compared with the first. The injection payloads go into comments,
// evidence, reasons and the sign-off note, and every page showing them is checked.
import fs from "node:fs";
import path from "node:path";
import { EVIL, expect } from "../lib.mjs";

export const title = "the 10.7.2 questionnaire by two ministries, a conflict settled, a version signed off, the score equal to the CLI's";

const LABOUR = "Ministry of Labour and Overseas Employment";
const HEALTH = "Ministry of Health";
const FW = "sdg-10.7.2";

// The answers each ministry gives (Pelaria's example for these items).
const HEALTH_ANSWERS = { "1a": "yes-all", "1b": "yes-all", "1d": "yes-regular-only", "1e": "yes-all" };
const LABOUR_ANSWERS = { "2a": "yes", "2b": "yes", "2c": "no", "2d": "no", "2e": "yes" };

/** Government workspace of XAA: the one that exists, or a new one. */
async function workspace(ctx) {
  return ctx.government("XAA", "Pelaria");
}

/** A user made for this journey, a member of `ws` with `role` (and `ministry`). */
async function member(ctx, ws, name, display, role, ministry) {
  const password = await ctx.user(name, display);
  const users = await ctx.api.ok("GET", "/api/v1/users?limit=1000");
  const id = users.items.find((u) => u.name === name).id;
  await ctx.api.ok("PUT", `/api/v1/workspaces/${ws}/members/${id}`, { role, ministry, reason: EVIL });
  return password;
}

/** Proposes `answer` to `item` on the questionnaire page, with a comment and evidence. */
async function propose(page, item, answer, comment, evidence) {
  const card = page.locator(`#item-${item}`);
  await card.getByLabel(`Answer (${item})`, { exact: true }).selectOption(answer);
  await card.getByLabel(`Comment (${item})`, { exact: true }).fill(comment);
  await card.getByLabel(`Evidence (${item})`, { exact: true }).fill(evidence);
  await Promise.all([page.waitForNavigation(), card.getByRole("button", { name: /Propose this answer|Decide this answer/ }).click()]);
  expect((await page.textContent("main")).includes("Your proposal is recorded"), `proposal ${item}: ${await page.textContent("main")}`);
}

/** Assigns `item` to `ministry` through the coordinator's form. */
async function assign(page, item, ministry) {
  await page.getByLabel("Item to assign").selectOption(item);
  await page.getByLabel("Ministry", { exact: true }).fill(ministry);
  await page.locator("#f-assign_reason").fill(`${item} to ${ministry} ${EVIL}`);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Assign", exact: true }).click()]);
  expect((await page.textContent("main")).includes("The item is assigned"), `assign ${item}`);
}

async function storeVersion(page, reason) {
  await page.getByLabel("Reason for this version").fill(reason);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Store the answers as a new version" }).click()]);
}

export default async function (ctx) {
  const ws = await workspace(ctx);
  const labourPw = await member(ctx, ws, "a03-labour", "Labour desk officer", "contributor", LABOUR);
  const healthPw = await member(ctx, ws, "a03-health", "Health desk officer", "contributor", HEALTH);
  const coordPw = await member(ctx, ws, "a03-coordinator", "Coordinator of Pelaria", "coordinator", null);
  const url = `/w/${ws}/answers/${FW}`;

  // The coordinator opens the questionnaires and assigns the items.
  const coord = await ctx.newPage("coordinator");
  await ctx.signIn(coord, "a03-coordinator", coordPw);
  await coord.goto(`/w/${ws}/answers`);
  await ctx.check(coord, "list");
  await Promise.all([coord.waitForNavigation(), coord.getByRole("link", { name: /SDG indicator 10\.7\.2/ }).click()]);
  expect(coord.url().endsWith(url), `the questionnaire's address: ${coord.url()}`);
  await assign(coord, "1c", LABOUR);
  for (const item of Object.keys(HEALTH_ANSWERS)) await assign(coord, item, HEALTH);
  for (const item of Object.keys(LABOUR_ANSWERS)) await assign(coord, item, LABOUR);

  // Labour answers its items (1c first: equal pay only with a work permit).
  const labour = await ctx.newPage("labour");
  await ctx.signIn(labour, "a03-labour", labourPw);
  await labour.goto(url);
  await propose(labour, "1c", "yes-regular-only", `Only with a work permit ${EVIL}`, `Labour Act 2019 ${EVIL}`);
  for (const [item, answer] of Object.entries(LABOUR_ANSWERS)) await propose(labour, item, answer, "", "");
  // An item of Health: no form, and why.
  const healthItem = await labour.locator("#item-1a").textContent();
  expect(healthItem.includes(`assigned to ${HEALTH}`), `labour sees why it cannot answer 1a: ${healthItem}`);
  expect((await labour.locator("#item-1a form").count()) === 0, "no form on another ministry's item");
  await ctx.check(labour, "labour");

  // The coordinator asks Health about 1c too; Health disagrees: a conflict.
  await coord.goto(url);
  await assign(coord, "1c", HEALTH);
  const health = await ctx.newPage("health");
  await ctx.signIn(health, "a03-health", healthPw);
  await health.goto(url);
  for (const [item, answer] of Object.entries(HEALTH_ANSWERS)) await propose(health, item, answer, `Health view ${EVIL}`, "");
  await propose(health, "1c", "yes-all", `Equal pay for all ${EVIL}`, `Circular 7 ${EVIL}`);
  await ctx.check(health, "health");

  await coord.goto(url);
  const conflict = coord.locator("#item-1c");
  expect((await conflict.textContent()).includes("conflict"), "the conflict on 1c is shown");
  expect(await conflict.evaluate((e) => e.classList.contains("disagree")), "the conflict is highlighted");
  await ctx.check(coord, "conflict");
  // No version while the conflict stands.
  await storeVersion(coord, `first round ${EVIL}`);
  expect((await coord.textContent("main")).includes("1c"), "storing is refused, naming 1c");
  // The coordinator decides 1c, then stores the version.
  await coord.goto(url);
  await propose(coord, "1c", "yes-regular-only", `Decided with both ministries ${EVIL}`, `Minutes ${EVIL}`);
  expect(!(await coord.locator("#item-1c").textContent()).includes("conflict:"), "the conflict is settled");
  await storeVersion(coord, `first round ${EVIL}`);
  expect(coord.url().includes("/versions"), `stored: ${coord.url()} ${await coord.textContent("main")}`);
  expect((await coord.textContent("main")).includes("stored as a new version"), "version stored");
  await ctx.check(coord, "versions");

  // The score on the page is the command line's for the same answers.
  const answers = { ...HEALTH_ANSWERS, ...LABOUR_ANSWERS, "1c": "yes-regular-only" };
  const file = path.join(ctx.out, "03-answers.csv");
  fs.writeFileSync(file, "item,answer\n" + Object.entries(answers).map(([i, a]) => `${i},${a}`).join("\n") + "\n");
  const cli = JSON.parse(await ctx.cli(["assess", "XAA", "--framework", FW, "--format", "json", "--answers", file]));
  await coord.goto(url);
  const shown = await coord.locator("#overall-latest [data-percent-exact]").getAttribute("data-percent-exact");
  expect(shown === String(cli.assessment.overall.percent_exact), `the page's score ${shown} = the CLI's ${cli.assessment.overall.percent_exact}`);
  const band = cli.assessment.overall.band.label;
  expect((await coord.locator("#overall-latest").textContent()).includes(band), `the band ${band} is shown`);

  // Sign-off with a note; the signed version has no form left.
  await coord.goto(`${url}/versions`);
  const versions = await ctx.api.ok("GET", `/api/v1/workspaces/${ws}/answers/${FW}/versions?limit=1000`);
  const v1 = versions.items[versions.items.length - 1].version;
  await coord.getByLabel(`Sign-off note for version ${v1}`).fill(`Validated by the committee ${EVIL}`);
  await Promise.all([coord.waitForNavigation(), coord.getByRole("button", { name: `Sign off version ${v1}` }).click()]);
  expect((await coord.textContent("main")).includes("The version is signed off"), "signed off");
  expect((await coord.locator(`#version-${v1} form`).count()) === 0, "a signed version is read-only");
  await ctx.check(coord, "signed");

  // A second version: Labour changes 2c; the comparison shows the item and the scores.
  await labour.goto(url);
  await propose(labour, "2c", "yes", `A new return programme ${EVIL}`, "");
  await coord.goto(url);
  await storeVersion(coord, "second round");
  await coord.goto(`${url}/versions`);
  await Promise.all([coord.waitForNavigation(), coord.getByRole("button", { name: "Compare" }).click()]);
  const compared = await coord.textContent("main");
  expect(compared.includes("2c") && compared.includes("How the score moved"), `the comparison: ${compared}`);
  await ctx.check(coord, "compare");

  // At phone width the questionnaire fits (wide tables scroll in their own box).
  const phone = await ctx.newPage("phone", { width: 390, height: 844 });
  await ctx.signIn(phone, "a03-health", healthPw);
  await phone.goto(url);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, "the questionnaire fits a phone-width screen");
  await ctx.check(phone, "phone");
}
