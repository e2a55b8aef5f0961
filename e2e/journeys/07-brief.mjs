// Journey 7: a profile is read in the browser (charts, map, sources one click away) and
// its brief is downloaded and opens; the other downloads are what they say.
import fs from "node:fs";
import path from "node:path";
import { ADMIN_PASSWORD, expect } from "../lib.mjs";

export const title = "a profile is read and its brief is downloaded and opens";

export default async function (ctx) {
  const page = await ctx.newPage("admin");
  await ctx.signIn(page, "admin", ADMIN_PASSWORD);
  await page.goto("/profiles");
  await ctx.check(page, "chooser");
  await page.getByLabel("Country or group").fill("Pelaria");
  await Promise.all([page.waitForURL(/\/profiles\/Pelaria$/), page.getByRole("button", { name: "Show the profile" }).click()]);
  expect((await page.locator("h1").textContent()).includes("Pelaria"), "the profile's heading names the country");
  expect(await page.locator("svg[role=img]").count() > 0, "the brief's charts are on the page");
  // A figure's source is one click away.
  const cite = page.locator("sup.fn a").first();
  const target = await cite.getAttribute("href");
  await cite.click();
  expect(page.url().endsWith(target), "the footnote link goes to its source");
  expect(await page.locator(`${target}`).isVisible(), "the source is on the page");
  await ctx.check(page, "profile");

  // Downloads: the brief opens as a page of its own; the others are what they say.
  const get = async (label) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: label }).click()]);
    const file = path.join(ctx.out, `07-${download.suggestedFilename()}`);
    await download.saveAs(file);
    return file;
  };
  const brief = await get("HTML brief (one self-contained file)");
  const csv = fs.readFileSync(await get("CSV (one value per row, with unit and source)"), "utf8");
  expect(csv.startsWith("country,measure,year"), "the CSV has its header");
  const json = JSON.parse(fs.readFileSync(await get("JSON (every value with its unit and source)"), "utf8"));
  expect(json.area.iso3 === "XAA", "the JSON is Pelaria's profile");
  const xlsx = fs.readFileSync(await get("Excel workbook"));
  expect(xlsx.subarray(0, 2).toString() === "PK", "the workbook is a zip (xlsx)");
  const cli = JSON.parse(await ctx.cli(["--format", "json", "profile", "XAA"]));
  expect(JSON.stringify(cli.stock_in) === JSON.stringify(json.stock_in), "the download's figures are the CLI's");

  const reader = await ctx.newPage("reader");
  await reader.goto("file://" + brief);
  expect((await reader.title()).includes("Pelaria"), "the downloaded brief opens with its title");
  expect(await reader.locator("svg").count() > 0, "with its charts");

  // A real country's profile and a group's, at phone width.
  const phone = await ctx.newPage("phone", { width: 390, height: 844 });
  await ctx.signIn(phone, "admin", ADMIN_PASSWORD);
  await phone.goto("/profiles/world");
  expect((await phone.locator("h1").textContent()).length > 0, "a group's profile");
  await ctx.check(phone, "world-phone");
  await phone.goto("/profiles/NPL");
  expect((await phone.locator("h1").textContent()).includes("Nepal"), "a real country's profile");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, "the profile fits a phone-width screen");
  await ctx.check(phone, "nepal-phone");
}
