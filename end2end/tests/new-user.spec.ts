import { expect, Page, test, TestInfo } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { failOnBrowserErrors, isHydrated, ready, signUp, uniqueEmail } from "./helpers";

failOnBrowserErrors();

// What a new user meets on the demo shop, in both modes.

test("every header and footer link of the demo shop leads to a page with content", async ({ page }, testInfo) => {
  await page.goto("/");
  await ready(page, testInfo);
  const hrefs = await page
    .locator('nav[aria-label="Shop"] a, nav[aria-label="Footer"] a')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThanOrEqual(8);
  for (const href of hrefs) {
    const response = await page.goto(href);
    expect(response!.status(), href).toBe(200);
    const text = await page.locator("main").innerText();
    expect(text.length, `${href} has content`).toBeGreaterThan(150);
    expect(text, href).not.toContain("could not find anything");
  }
});

test("a listing with one product says 1 product", async ({ page }) => {
  await page.goto("/c/personal-care?brand=Dettol");
  await expect(page.getByTestId("result-count")).toHaveText("1 product");
});

test("a shop without contact details shows no empty lines in its footer", async ({ page }) => {
  // The e2e database is thrown away after the run, and no other spec reads these.
  execFileSync("psql", [process.env.E2E_DATABASE_URL!, "-qc", "UPDATE settings SET address = '', contact_phone = '', contact_email = ''"]);
  // Each instance reads its settings again once told (NOTIFY site_changed).
  await expect(async () => {
    await page.goto("/");
    const lines = await page.getByTestId("footer-contact").locator("p").allInnerTexts();
    expect(lines).toHaveLength(1);
    expect(lines[0].trim().length).toBeGreaterThan(0);
  }).toPass();
});

test("a cart of one is 1 item at checkout", async ({ page }, testInfo) => {
  await page.goto("/p/india-gate-basmati-rice-5-kg");
  await ready(page, testInfo);
  await page.getByLabel("Quantity").fill("1");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await page.goto("/checkout");
  await expect(page.getByTestId("checkout-summary")).toContainText(/^1 item,/);
});

async function asAdmin(page: Page, testInfo: TestInfo) {
  const email = uniqueEmail(testInfo, "auditor");
  await signUp(page, testInfo, email);
  execFileSync("psql", [process.env.E2E_DATABASE_URL!, "-qc", `UPDATE users SET role = 'admin' WHERE email = '${email}'`]);
}

test("the audit log shows a repricing in rupees, and the header's search box stays out of it", async ({ page }, testInfo) => {
  await asAdmin(page, testInfo);
  // A product of its own per mode, so the two runs do not meet.
  const sku = isHydrated(testInfo) ? "E2E-AUDIT-H" : "E2E-AUDIT-P";
  await page.goto("/admin/products/new");
  await ready(page, testInfo);
  await page.getByLabel("Name", { exact: true }).fill(`Audit Tea ${sku}`);
  await page.getByLabel("SKU").fill(sku);
  await page.getByLabel("Category").selectOption({ label: "Beverages" });
  await page.getByLabel("Price (₹, incl. GST)").fill("120");
  await page.getByLabel("HSN code").fill("0902");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/\d+\?saved=1$/);
  await ready(page, testInfo);
  await page.getByLabel("Price (₹, incl. GST)").fill("99.50");
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/\d+\?saved=1$/);

  await page.goto(`/admin/audit?q=${sku}`);
  const changes = page.getByTestId("audit-changes").first();
  await expect(changes).toContainText("Price: ₹120.00 → ₹99.50");
  await expect(changes).not.toContainText("Name");
  await expect(page.getByText("Full records").first()).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toHaveValue("");
});
