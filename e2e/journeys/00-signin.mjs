// Signing in and out, the account page, and a page at phone width.
import { ADMIN_PASSWORD, expect } from "../lib.mjs";

export const title = "signing in, the account page, signing out";

export default async function (ctx) {
  const page = await ctx.newPage("admin");
  await page.goto("/");
  expect(page.url().includes("/signin"), "an anonymous visitor is sent to the sign-in page");
  await ctx.check(page, "signin");
  await page.getByLabel("Name").fill("admin");
  await page.getByLabel("Password").fill("wrong password here");
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await page.textContent("main")).includes("wrong name or password"), "a wrong password is said");
  await ctx.signIn(page, "admin", ADMIN_PASSWORD);
  await page.goto("/account");
  await ctx.check(page, "account");
  const phone = await ctx.newPage("phone", { width: 390, height: 844 });
  await ctx.signIn(phone, "admin", ADMIN_PASSWORD);
  await phone.goto("/account");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, "the account page fits a phone-width screen");
  await ctx.check(phone, "account-phone");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
}
