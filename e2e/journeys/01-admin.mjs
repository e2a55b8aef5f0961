// Journey 1: an administrator creates a workspace for a demo government and invites
// users of three ministries, who then find it on their home page.
import { ADMIN_PASSWORD, EVIL, expect } from "../lib.mjs";

export const title = "an administrator creates a government workspace and invites three ministries";

const MINISTRIES = [
  ["labour1", "Lena Labour", "Ministry of Labour and Overseas Employment"],
  ["health1", "Hari Health", "Ministry of Health"],
  ["finance1", "Fatima Finance", "Ministry of Finance"],
];

export default async function (ctx) {
  const page = await ctx.newPage("admin");
  await ctx.signIn(page, "admin", ADMIN_PASSWORD);
  await page.goto("/admin");
  await ctx.check(page, "admin");

  // Three users, each shown a one-time password once.
  const passwords = {};
  for (const [name, display] of MINISTRIES) {
    await page.goto("/admin");
    await page.getByLabel("Sign-in name").fill(name);
    await page.getByLabel("Name shown to others").fill(display);
    await page.getByRole("button", { name: "Add a user" }).click();
    passwords[name] = (await page.locator("#one-time-password").textContent()).trim();
    expect(passwords[name].length >= 12, `a one-time password for ${name}`);
  }
  await ctx.check(page, "user-made");

  // A bad name is refused at its field, with the form kept.
  await page.goto("/admin");
  await page.getByLabel("Sign-in name").fill("Not A Name");
  await page.getByLabel("Name shown to others").fill("x");
  await page.locator("#f-name").evaluate((e) => e.closest("form").setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "Add a user" }).click();
  expect((await page.locator("#f-name-error").textContent()).trim() !== "", "the bad name's error is at its field");

  // The government workspace of the demo country Pelaria (XAA).
  await page.goto("/admin");
  await page.locator("#f-g-name").fill("Pelaria government (journey 1)");
  await page.getByLabel("Country").fill("XAA");
  await page.locator("#f-g-reason").fill("journey 1: " + EVIL);
  await Promise.all([page.waitForURL(/\/w\/\d+$/), page.getByRole("button", { name: "Make the workspace" }).first().click()]);
  const workspace = page.url().match(/\/w\/(\d+)$/)[1];
  await ctx.check(page, "workspace-made");

  // The administrator makes itself coordinator, then invites the three ministries.
  const invite = async (user, role, ministry) => {
    await page.getByLabel("Sign-in name").fill(user);
    await page.getByLabel("Role").selectOption(role);
    await page.getByLabel("Ministry").fill(ministry || "");
    await page.getByLabel("Reason").fill("journey 1 invitation");
    await Promise.all([page.waitForURL(/done=saved/), page.getByRole("button", { name: "Save the membership" }).click()]);
  };
  await invite("admin", "coordinator");
  for (const [name, , ministry] of MINISTRIES) await invite(name, "contributor", ministry);
  const members = await page.locator("table").first().textContent();
  for (const [, display, ministry] of MINISTRIES) {
    expect(members.includes(display) && members.includes(ministry), `${display} is a member for ${ministry}`);
  }
  await ctx.check(page, "members");

  // A contributor without a ministry is refused, at the ministry's field.
  await page.getByLabel("Sign-in name").fill("finance1");
  await page.getByLabel("Role").selectOption("contributor");
  await page.getByLabel("Reason").fill("no ministry");
  await page.getByRole("button", { name: "Save the membership" }).click();
  expect((await page.locator("#f-ministry-error").textContent()).includes("ministry"), "a contributor must name its ministry");

  // Each invited user signs in, replaces the one-time password and finds the workspace.
  const [name] = MINISTRIES[0];
  const user = await ctx.newPage(name);
  await ctx.signIn(user, name, passwords[name]);
  await user.goto("/account");
  await user.getByLabel("Current password").fill(passwords[name]);
  await user.getByLabel("New password").fill("a new password of labour1");
  await Promise.all([user.waitForURL(/\/signin/), user.getByRole("button", { name: "Change password" }).click()]);
  await ctx.signIn(user, name, "a new password of labour1");
  await user.goto("/");
  const home = await user.textContent("main");
  expect(home.includes("Pelaria government (journey 1)"), "the contributor's home lists the workspace");
  expect(home.includes("contributor (Ministry of Labour and Overseas Employment)"), "with its role and ministry");
  await ctx.check(user, "contributor-home");
  ctx.journey1 = { workspace, passwords };
}
