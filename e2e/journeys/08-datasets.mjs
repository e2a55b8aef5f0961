// Datasets: the administrator uploads a small real file (the World Bank's GDP per capita,
// WDI bulk CSV, from shared/data) with the progress bar, sees what was recognised and
// the dataset's provenance; every signed-in user reads the list.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ADMIN_PASSWORD, expect } from "../lib.mjs";

export const title = "uploading an official file, what was recognised, provenance";

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = process.env.COHERENCE_SHARED_DATA || path.resolve(here, "../../../shared/data");
const FILE = path.join(DATA, "wdi_gdp_per_capita", "API_NY.GDP.PCAP.CD_DS2_en_csv_v2_5358417.csv");

export default async function (ctx) {
  const page = await ctx.newPage("admin");
  await ctx.signIn(page, "admin", ADMIN_PASSWORD);
  await page.goto("/datasets");
  await ctx.check(page, "datasets");
  await page.getByLabel("The file").setInputFiles(FILE);
  await Promise.all([page.waitForURL(/\/datasets\/jobs\/\d+/), page.getByRole("button", { name: "Upload and import" }).click()]);
  await page.waitForSelector("text=What was recognised", { timeout: 300000 });
  const main = await page.textContent("main");
  expect(main.includes("wdi-bulk-csv"), `the layout is recognised: ${main.slice(0, 400)}`);
  expect(/added|extended/.test(main), "the dataset was stored");
  await ctx.check(page, "import");
  await Promise.all([page.waitForURL(/\/datasets\/\d+$/), page.getByRole("link", { name: "See the dataset" }).click()]);
  expect((await page.textContent("main")).includes("API_NY.GDP.PCAP.CD_DS2_en_csv_v2_5358417.csv"), "its file");
  await ctx.check(page, "dataset");

  // A viewer reads the list, without the upload form.
  const password = await ctx.user("reader8", "Reader");
  const reader = await ctx.newPage("reader", { width: 390, height: 844 });
  await ctx.signIn(reader, "reader8", password);
  await reader.goto("/datasets");
  expect((await reader.locator("input[type=file]").count()) === 0, "no upload for a non-administrator");
  expect((await reader.textContent("main")).includes("GDP per capita"), "the new dataset is listed");
  await ctx.check(reader, "datasets-phone");
}
