import { expect, Page, test, TestInfo } from "@playwright/test";
import { asAdmin, failOnBrowserErrors, isHydrated, ready } from "./helpers";

failOnBrowserErrors();

const mode = (testInfo: TestInfo) => (isHydrated(testInfo) ? "hydrated" : "plain");

/** A date `days` from now as YYYY-MM-DD. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function fillLine(page: Page, i: number, product: string, batch: string, expiry: string, units: string, cost: string, mrp: string) {
  await page.locator(`select[name="lines[${i}][product_id]"]`).selectOption({ label: product });
  await page.locator(`[name="lines[${i}][batch_no]"]`).fill(batch);
  await page.locator(`[name="lines[${i}][expires_on]"]`).fill(expiry);
  await page.locator(`[name="lines[${i}][quantity]"]`).fill(units);
  await page.locator(`[name="lines[${i}][cost]"]`).fill(cost);
  await page.locator(`[name="lines[${i}][mrp]"]`).fill(mrp);
}

test("a delivery of two batches is received after a wrong line is fixed, and an order takes the earlier expiry first", async ({ page, browser }, testInfo) => {
  const m = mode(testInfo);
  const name = `Ibuprofen 400 mg ${m}`;
  const sku = `E2E-IBU-${m.toUpperCase()}`;
  await asAdmin(page, testInfo);

  // A medicine kept in batches.
  await page.goto("/admin/products/new");
  await ready(page, testInfo);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("SKU").fill(sku);
  await page.getByLabel("Category").selectOption({ label: "Pharmacy" });
  await page.getByLabel("Price (₹, incl. GST)").fill("40");
  await page.getByLabel("HSN code").fill("3004");
  await page.getByLabel("Kept in batches with expiry dates (medicines, food)").check();
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const editUrl = page.url().replace(/\?.*$/, "");

  // The delivery: the second line's expiry is impossible.
  await page.goto("/admin/receiving");
  await ready(page, testInfo);
  await page.getByLabel("Supplier", { exact: true }).fill("Shree Medico Distributors");
  await page.getByLabel("Invoice number").fill(`E2E/${m}/${Date.now()}`);
  await page.getByLabel("Invoice date").fill(inDays(-1));
  const label = `${name} (${sku})`;
  await fillLine(page, 0, label, `SOON-${m}`, inDays(40), "2", "20", "40");
  await fillLine(page, 1, label, `LATE-${m}`, "2027-02-30", "10", "20", "42");
  await page.getByRole("button", { name: "Receive delivery" }).click();
  await expect(page.locator('[id="lines[1][expires_on]-error"]')).toContainText("Enter the expiry as on the pack");
  // Nothing typed is lost, and nothing was saved.
  await expect(page.locator('[name="lines[0][batch_no]"]')).toHaveValue(`SOON-${m}`);
  await expect(page.locator('[name="lines[1][quantity]"]')).toHaveValue("10");
  await expect(page.getByLabel("Supplier", { exact: true })).toHaveValue("Shree Medico Distributors");
  await page.locator('[name="lines[1][expires_on]"]').fill(inDays(400));
  await page.getByRole("button", { name: "Receive delivery" }).click();
  await expect(page.getByText("Delivery received")).toBeVisible();

  // A customer orders more than the first batch holds.
  const shopperContext = await browser.newContext({ javaScriptEnabled: isHydrated(testInfo) });
  const shopper = await shopperContext.newPage();
  await shopper.goto(`/search?q=${encodeURIComponent(name)}`);
  await shopper.getByRole("link", { name }).first().click();
  await ready(shopper, testInfo);
  await expect(shopper.getByTestId("stock-badge").first()).toHaveText("In stock");
  await shopper.getByLabel("Quantity").fill("3");
  await shopper.getByRole("button", { name: "Add to cart" }).click();
  await expect(shopper).toHaveURL(/\/cart$/);
  await shopper.goto("/checkout");
  await ready(shopper, testInfo);
  await shopper.getByLabel("Name").fill("Lakshmi Iyer");
  await shopper.getByLabel("Email").fill(`lakshmi-${m}@example.in`);
  await shopper.getByLabel("Mobile number").fill("9876543210");
  await shopper.getByLabel("Cash at pickup").check();
  await shopper.getByRole("button", { name: "Place order" }).click();
  await expect(shopper).toHaveURL(/\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}$/);
  await shopperContext.close();

  // The earlier-expiring batch went first: 2 from it, 1 from the later one.
  await page.goto(editUrl);
  const rows = page.getByTestId("batches").locator("tbody tr");
  await expect(rows.filter({ hasText: `SOON-${m}` }).getByTestId("batch-units")).toHaveText("0");
  await expect(rows.filter({ hasText: `LATE-${m}` }).getByTestId("batch-units")).toHaveText("9");
  await expect(page.getByTestId("stock-on-hand")).toHaveText("9");
});

test("the staff header's expiry count changes live when a batch is received on another instance", async ({ page, browser }, testInfo) => {
  test.skip(!isHydrated(testInfo), "live updates need JavaScript; without it the count is read on each page");
  const second = process.env.E2E_SECOND_URL;
  if (!second) throw new Error("E2E_SECOND_URL is not set: scripts/test starts a second server instance");
  const email = await asAdmin(page, testInfo);
  await page.goto("/admin/expiry");
  await ready(page, testInfo);
  const alerts = page.getByTestId("stock-alerts");
  const nearExpiry = async () => Number((await alerts.textContent())!.match(/(\d+) expiring soon/)![1]);
  const before = await nearExpiry();

  // The same admin, on the other instance, receives a batch expiring soon.
  const other = await browser.newContext({ baseURL: second });
  const staff = await other.newPage();
  await staff.goto("/login");
  await ready(staff, testInfo);
  await staff.getByLabel("Email").fill(email);
  await staff.getByLabel("Password", { exact: true }).fill("mango lantern rickshaw 42");
  await staff.getByRole("button", { name: "Log in" }).click();
  await staff.goto("/admin/receiving");
  await ready(staff, testInfo);
  await staff.getByLabel("Supplier", { exact: true }).fill("Shree Medico Distributors");
  await staff.getByLabel("Invoice number").fill(`E2E/live/${Date.now()}`);
  await staff.getByLabel("Invoice date").fill(inDays(-1));
  await fillLine(staff, 0, "Cetirizine 10 mg (PHM-002)", `NEAR-${Date.now() % 100000}`, inDays(20), "5", "12", "20");
  await staff.getByRole("button", { name: "Receive delivery" }).click();
  await expect(staff.getByText("Delivery received")).toBeVisible();
  await other.close();

  await expect(alerts).toContainText(`${before + 1} expiring soon`, { timeout: 3_000 });
});
