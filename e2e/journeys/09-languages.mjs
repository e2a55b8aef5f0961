// The language menu: French from the menu, Arabic right to left (the page mirrored, nothing
// off screen), and back to English; each page checked with axe-core in its language, a
// demo country's profile page among them.
import { ADMIN_PASSWORD, expect } from "../lib.mjs";

export const title = "the pages in French and Arabic, right to left";

export default async function (ctx) {
  const page = await ctx.newPage("languages");
  await ctx.signIn(page, "admin", ADMIN_PASSWORD);
  await page.goto("/");
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Français" }).click()]);
  expect(new URL(page.url()).pathname === "/", "the menu comes back to the page");
  expect((await page.getAttribute("html", "lang")) === "fr", "the page says it is French");
  expect(await page.getByRole("heading", { name: "Vos espaces de travail" }).isVisible(), "the heading is French");
  await ctx.check(page, "home-fr");
  // A demo country's profile page in French: its own words, around the brief.
  await page.goto("/profiles/XAA");
  expect((await page.getAttribute("html", "lang")) === "fr", "the profile page says it is French");
  expect(await page.getByRole("heading", { name: "Téléchargements" }).isVisible(), "the downloads' heading is French");
  expect(await page.getByRole("link", { name: "Classeur Excel" }).isVisible(), "the downloads are named in French");
  await ctx.check(page, "profile-fr");
  await page.goto("/");

  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "العربية" }).click()]);
  expect((await page.getAttribute("html", "dir")) === "rtl", "Arabic pages are right to left");
  const layout = await page.evaluate(() => {
    // Where the heading's text ends against its box: right-aligned in a right-to-left page.
    const h1 = document.querySelector("h1");
    const range = document.createRange();
    range.selectNodeContents(h1);
    const text = range.getBoundingClientRect();
    const box = h1.getBoundingClientRect();
    const site = document.querySelector("header.top .site").getBoundingClientRect();
    return {
      overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
      scrolled: window.scrollX !== 0,
      textGapRight: box.right - text.right,
      textGapLeft: text.left - box.left,
      siteRight: window.innerWidth - site.right,
    };
  });
  expect(!layout.overflow && !layout.scrolled, `the Arabic page fits its width: ${JSON.stringify(layout)}`);
  expect(
    layout.textGapRight < 2 && layout.textGapLeft > 100 && layout.siteRight < 40,
    `the heading and the site's name start at the right: ${JSON.stringify(layout)}`,
  );
  await ctx.check(page, "home-ar");
  // The translated pages in Arabic: each fits its width and passes axe-core.
  const ws = await ctx.government("XAA", "Pelaria");
  for (const [name, url] of [
    ["account", "/account"],
    ["admin", "/admin"],
    ["datasets", "/datasets"],
    ["register", `/w/${ws}/register`],
    ["answers", `/w/${ws}/answers`],
    ["workshop", `/w/${ws}/matrices`],
    ["scenarios", `/w/${ws}/scenarios`],
    ["audit", `/w/${ws}/audit`],
    ["profile", "/profiles/XAA"],
  ]) {
    await page.goto(url);
    expect((await page.getAttribute("html", "dir")) === "rtl", `${url} is right to left`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(!overflow, `${url} fits its width in Arabic`);
    await ctx.check(page, `${name}-ar`);
  }
  expect(await page.getByRole("heading", { name: "التنزيلات" }).isVisible(), "the profile page's words are Arabic");

  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "English" }).click()]);
  expect((await page.getAttribute("html", "dir")) === "ltr", "back to English, left to right");
}
