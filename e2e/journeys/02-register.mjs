// The policy register: two contributors edit their own ministries' policies (with a
// reason, validated as they type), one is refused on another ministry's policy, a new
// policy, the history; injected markup in every free-text field stays text on the
// register pages and in the country's brief.
import { EVIL, expect } from "../lib.mjs";

export const title = "two contributors edit their own policies; one is refused on another ministry's";

const LABOUR = "Ministry of Labour and Overseas Employment";
const HEALTH = "Ministry of Health";

/** The government workspace of `country` (see Context.government). */
export async function government(ctx, country, name) {
  return ctx.government(country, name);
}

/** Gives `name` a role in workspace `ws` through the API. */
export async function member(ctx, ws, name, role, ministry) {
  const users = await ctx.api.ok("GET", "/api/v1/users?limit=1000");
  const user = users.items.find((u) => u.name === name);
  expect(user, `no user ${name}`);
  await ctx.api.ok("PUT", `/api/v1/workspaces/${ws}/members/${user.id}`, { role, ministry, reason: "e2e journey" });
}

/** The text of the page's main content. */
async function main(page) {
  return page.textContent("main");
}

export default async function (ctx) {
  const w = await government(ctx, "XAA", "Pelaria");
  const labourPassword = await ctx.user("j02-labour", "Lena Labour");
  const healthPassword = await ctx.user("j02-health", "Hari Health");
  await member(ctx, w, "j02-labour", "contributor", LABOUR);
  await member(ctx, w, "j02-health", "contributor", HEALTH);

  // The contributor of labour: the register, filtered by its ministry.
  const labour = await ctx.newPage("labour");
  await ctx.signIn(labour, "j02-labour", labourPassword);
  await labour.goto(`/w/${w}/register`);
  await ctx.check(labour, "register");
  await labour.getByLabel("Ministry").selectOption(LABOUR);
  await labour.getByLabel("Stage", { exact: true }).selectOption("before-departure");
  await Promise.all([labour.waitForNavigation(), labour.getByRole("button", { name: "Filter" }).click()]);
  const rows = await labour.locator("table tbody tr").allTextContents();
  expect(rows.length > 0, "the filtered register lists policies");
  expect(rows.every((r) => r.includes(LABOUR)), `the filter keeps the ministry's policies only: ${rows.join(" | ")}`);
  expect(!rows.some((r) => r.includes("XAA-HEA-01")), "another ministry's policy is filtered out");
  await ctx.check(labour, "register-filtered");

  // Its own policy: edit with a reason; the form validates as it is typed.
  await labour.goto(`/w/${w}/register/XAA-LAB-01/edit`);
  const titleBox = labour.getByLabel("Title", { exact: true });
  await titleBox.fill("");
  await titleBox.blur();
  const titleError = await labour.locator("#f-title-error").textContent();
  expect(titleError.trim().length > 0, "an emptied required field says so as it is typed");
  await labour.getByLabel("Start year").fill("1800");
  await labour.getByLabel("Start year").blur();
  expect((await labour.locator("#f-start_year-error").textContent()).trim().length > 0, "a year out of range is said at once");
  await labour.getByLabel("Start year").fill("2019");
  await titleBox.fill(`Pre-departure Orientation Seminars ${EVIL}`);
  await labour.getByLabel("Objectives").fill(`Prepare workers before departure. ${EVIL}`);
  await labour.getByLabel("Target groups").fill("workers; nurses");
  await ctx.check(labour, "edit-own");
  // Without a reason the browser does not send it; the server says the same without the script.
  await labour.getByLabel("Reason for the change").fill(`Orientation renamed ${EVIL}`);
  await Promise.all([labour.waitForNavigation(), labour.getByRole("button", { name: "Save changes" }).click()]);
  expect(labour.url().includes("/register/XAA-LAB-01?done=saved"), `saved and sent to the policy: ${labour.url()}`);
  const shown = await main(labour);
  expect(shown.includes("The policy was saved."), "the save is said");
  expect(shown.includes(`Pre-departure Orientation Seminars ${EVIL}`), "the new title is shown as text");
  expect(shown.includes(`Orientation renamed ${EVIL}`), "the history shows the reason as text");
  expect(shown.includes("j02-labour"), "the history says who");
  await ctx.check(labour, "policy-history");

  // A post without a reason (the script bypassed): the server refuses it at the field.
  const refused = await labour.request.post(`/w/${w}/register/XAA-LAB-01/edit`, {
    form: { version: "x", title: "Other", reason: " " },
    headers: { origin: ctx.base },
    maxRedirects: 0,
  });
  expect(refused.status() === 400 || refused.status() === 409, `a post without a reason is refused: ${refused.status()}`);

  // A new policy of its ministry.
  await labour.goto(`/w/${w}/register/new`);
  expect(await labour.getByLabel("Ministry").inputValue() === LABOUR, "a contributor adds for its own ministry");
  await labour.getByLabel("Identifier").fill("XAA-LAB-J2");
  await labour.getByLabel("Title", { exact: true }).fill(`Returnee skills passport ${EVIL}`);
  await labour.getByLabel("Instrument").fill("programme");
  await labour.getByLabel("Return and reintegration").check();
  await labour.getByLabel("Policy area").fill("labour");
  await labour.getByLabel("Partner countries").fill("XAB");
  await labour.getByLabel("Objectives").fill(`Recognise skills on return. ${EVIL}`);
  await labour.getByLabel("Source document").fill(`Cabinet decision ${EVIL}`);
  await labour.getByLabel("Tags").fill("skills; returnees");
  await labour.getByLabel("Reason for the change").fill(`New programme ${EVIL}`);
  await ctx.check(labour, "new-policy");
  await Promise.all([labour.waitForNavigation(), labour.getByRole("button", { name: "Add the policy" }).click()]);
  expect(labour.url().includes("/register/XAA-LAB-J2"), `the new policy is shown: ${labour.url()}`);
  await ctx.check(labour, "new-policy-made");

  // The contributor of health edits its own policy.
  const health = await ctx.newPage("health");
  await ctx.signIn(health, "j02-health", healthPassword);
  await health.goto(`/w/${w}/register/XAA-HEA-01/edit`);
  await health.getByLabel("Status").selectOption("suspended");
  await health.getByLabel("Reason for the change").fill(`Under review ${EVIL}`);
  await Promise.all([health.waitForNavigation(), health.getByRole("button", { name: "Save changes" }).click()]);
  expect((await main(health)).includes(`Under review ${EVIL}`), "the health contributor's change is in the history");
  await ctx.check(health, "health-edits-own");

  // ...and is refused on labour's: every field read-only, and why.
  await health.goto(`/w/${w}/register/XAA-LAB-01/edit`);
  const why = await main(health);
  expect(why.includes(`owned by the ${LABOUR}`) && why.includes(`you contribute for the ${HEALTH}`), `the form says why it is read-only: ${why.slice(0, 400)}`);
  expect(await health.getByLabel("Title", { exact: true }).getAttribute("readonly") !== null, "the title is read-only");
  expect(await health.getByRole("button", { name: "Save changes" }).count() === 0, "there is no save button");
  await ctx.check(health, "edit-refused-form");
  // Posting the form anyway is refused with a 403 page.
  const [answer] = await Promise.all([
    health.waitForNavigation(),
    health.evaluate(() => document.querySelector('form[action$="/edit"]').submit()),
  ]);
  expect(answer.status() === 403, `a post on another ministry's policy is refused: ${answer.status()}`);
  expect((await main(health)).includes("403"), "the refusal page says 403");
  await ctx.check(health, "edit-refused-403");

  // The country's brief shows the register's text as text.
  await labour.goto("/api/v1/briefs/XAA");
  expect((await labour.textContent("body")).includes("Returnee skills passport"), "the brief lists the new policy");
  await ctx.check(labour, "brief");

  // At phone width, the register and a policy fit the screen.
  const phone = await ctx.newPage("phone", { width: 390, height: 844 });
  await ctx.signIn(phone, "j02-labour", labourPassword);
  for (const [path, name] of [[`/w/${w}/register`, "register-phone"], [`/w/${w}/register/XAA-LAB-01`, "policy-phone"], [`/w/${w}/register/XAA-LAB-01/edit`, "edit-phone"]]) {
    await phone.goto(path);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(!overflow, `${path} fits a phone-width screen`);
    await ctx.check(phone, name);
  }
}
