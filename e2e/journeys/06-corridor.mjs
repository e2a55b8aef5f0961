// The corridor of a partnership: Pelaria shares one policy of its register with the
// partnership, and Brevmark's coordinator sees that policy and nothing else of it — on the
// corridor page, the register pages, the profile and the brief; notes on findings with
// injected markup stay text.
import { EVIL, expect } from "../lib.mjs";
import { government, member } from "./02-register.mjs";

export const title = "a partnership shares one policy and the partner sees that policy and nothing else";

/** The partnership of workspaces `o` and `d`, made through the API if there is none. */
async function partnership(ctx, o, d) {
  const list = await ctx.api.ok("GET", "/api/v1/workspaces?kind=partnership&limit=1000");
  const found = list.items.find((w) => w.origin_id === o && w.destination_id === d);
  if (found) return found.id;
  const body = { name: "Pelaria–Brevmark corridor", origin_id: o, destination_id: d, reason: "e2e journey" };
  return (await ctx.api.ok("POST", "/api/v1/workspaces", body)).id;
}

/** Pelaria's policies other than the one shared. */
const UNSHARED = ["XAA-LAB-02", "XAA-LAB-03", "XAA-HEA-01", "XAA-FIN-01", "XAA-DIA-01", "XAA-RET-01", "XAA-MFA-01"];

export default async function (ctx) {
  const w = await government(ctx, "XAA", "Pelaria");
  const v = await government(ctx, "XAB", "Brevmark");
  const p = await partnership(ctx, w, v);
  const pelPassword = await ctx.user("j06-pelaria", "Paula Pelaria");
  const brevPassword = await ctx.user("j06-brevmark", "Bram Brevmark");
  await member(ctx, w, "j06-pelaria", "coordinator");
  await member(ctx, p, "j06-pelaria", "coordinator");
  await member(ctx, v, "j06-brevmark", "coordinator");
  await member(ctx, p, "j06-brevmark", "coordinator");

  // Before anything is shared, the partner sees nothing of Pelaria's register.
  const brev = await ctx.newPage("brevmark");
  await ctx.signIn(brev, "j06-brevmark", brevPassword);
  let r = await brev.goto(`/w/${w}/register`);
  expect(r.status() === 404, `nothing shared: Pelaria's register is not found (${r.status()})`);

  // Pelaria's coordinator shares one policy from the corridor page.
  const pel = await ctx.newPage("pelaria");
  await ctx.signIn(pel, "j06-pelaria", pelPassword);
  await pel.goto(`/w/${p}/corridor`);
  await ctx.check(pel, "corridor-before");
  const form = pel.locator(`form[action="/w/${p}/corridor/share"]`).filter({ has: pel.locator(`input[name="side"][value="${w}"]`) });
  await form.getByLabel(/^XAA-LAB-01 — /).check();
  await form.getByLabel("Reason for the change").fill(`Corridor review ${EVIL}`);
  await Promise.all([pel.waitForNavigation(), form.getByRole("button", { name: "Save what is shared" }).click()]);
  expect((await pel.textContent("main")).includes("What your government shares was saved."), "the share is said");
  const shares = await ctx.api.ok("GET", `/api/v1/workspaces/${p}/shares`);
  expect(shares.some((s) => s.workspace_id === w && s.policy === "XAA-LAB-01"), `the API lists the shared policy: ${JSON.stringify(shares)}`);

  // The partner: that policy, and nothing else of Pelaria's register, anywhere.
  await brev.goto(`/w/${p}/corridor`);
  const corridor = await brev.textContent("main");
  expect(corridor.includes("XAA-LAB-01"), "the corridor page shows the shared policy");
  for (const id of UNSHARED) expect(!corridor.includes(id), `the corridor page hides ${id}`);
  // A note on the corridor, with markup in it.
  const general = brev.locator("#notes-general");
  await general.getByLabel("Your note").fill(`We read your orientation seminars. ${EVIL}`);
  await Promise.all([brev.waitForNavigation(), general.getByRole("button", { name: "Add the note" }).click()]);
  const withNote = await brev.textContent("#notes-general");
  expect(withNote.includes(`We read your orientation seminars. ${EVIL}`), "the note is shown as text");
  expect(withNote.includes("Bram Brevmark") && withNote.includes("Brevmark side"), `the note says who and which side: ${withNote}`);
  await ctx.check(brev, "corridor-partner");

  await brev.goto(`/w/${w}/register`);
  const register = await brev.textContent("main");
  expect(register.includes("XAA-LAB-01"), "the partner's register page lists the shared policy");
  for (const id of UNSHARED) expect(!register.includes(id), `the register page hides ${id}`);
  await ctx.check(brev, "register-partner");
  await brev.goto(`/w/${w}/register/XAA-LAB-01`);
  await ctx.check(brev, "policy-partner");
  r = await brev.goto(`/w/${w}/register/XAA-LAB-02`);
  expect(r.status() === 404, `an unshared policy is not found (${r.status()})`);
  r = await brev.goto(`/w/${w}/register/XAA-LAB-01/edit`);
  expect((await brev.textContent("main")).includes("read"), "the partner's form is read-only");
  const profile = await brev.request.get("/api/v1/profiles/XAA");
  const ids = (await profile.json()).policies.map((x) => x.id);
  expect(ids.length === 1 && ids[0] === "XAA-LAB-01", `the profile lists the shared policy only: ${ids}`);
  await brev.goto("/api/v1/briefs/XAA");
  const brief = await brev.textContent("body");
  expect(brief.includes("XAA-LAB-01"), "the brief lists the shared policy");
  for (const id of UNSHARED) expect(!brief.includes(id), `the brief hides ${id}`);
  await ctx.check(brev, "brief-partner");

  // Pelaria's coordinator reads the partner's note, with its side.
  await pel.goto(`/w/${p}/corridor`);
  expect((await pel.textContent("#notes-general")).includes("Brevmark side"), "the other government reads the note");
  await ctx.check(pel, "corridor-origin");

  // At phone width, the corridor page fits the screen.
  const phone = await ctx.newPage("phone", { width: 390, height: 844 });
  await ctx.signIn(phone, "j06-brevmark", brevPassword);
  await phone.goto(`/w/${p}/corridor`);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, "the corridor page fits a phone-width screen");
  await ctx.check(phone, "corridor-phone");

  // Stop sharing: the partner loses the policy again.
  await pel.goto(`/w/${p}/corridor`);
  await form.getByLabel(/^XAA-LAB-01 — /).uncheck();
  await form.getByLabel("Reason for the change").fill("Review over");
  await Promise.all([pel.waitForNavigation(), form.getByRole("button", { name: "Save what is shared" }).click()]);
  r = await brev.goto(`/w/${w}/register`);
  expect(r.status() === 404, `unshared: the register is not found again (${r.status()})`);
}
