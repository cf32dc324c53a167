import { expect, Page, test, TestInfo } from "@playwright/test";
import { asAdmin, failOnBrowserErrors, isHydrated, ready } from "./helpers";

failOnBrowserErrors();

// A 1×1 PNG: small, but a real image for the server to decode and resize.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

// Both modes share one database: each makes its own product and page.
const mode = (testInfo: TestInfo) => (isHydrated(testInfo) ? "hydrated" : "plain");

test("an admin adds a product with a photo, finds it in the shop, reprices it and sells it out live", async ({ page, browser }, testInfo) => {
  const m = mode(testInfo);
  const name = `Assam Tea Gold ${m}`;
  const slug = `assam-tea-gold-${m}`;
  await asAdmin(page, testInfo);
  await page.goto("/admin/products/new");
  await ready(page, testInfo);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("SKU").fill(`E2E-TEA-${m.toUpperCase()}`);
  await page.getByLabel("Category").selectOption({ label: "Beverages" });
  await page.getByLabel("Price (₹, incl. GST)").fill("120");
  await page.getByLabel("HSN code").fill("0902");
  await page.getByLabel("Units on hand").fill("5");
  await page.getByLabel("Description").fill("Strong **Assam** tea.");
  if (isHydrated(testInfo)) {
    await expect(page.getByTestId("markdown-preview").locator("strong")).toHaveText("Assam");
  }
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/\d+\?saved=1$/);
  await expect(page.getByText("Saved.")).toBeVisible();
  const editUrl = page.url().replace(/\?.*$/, "");

  // A text file is refused beside the photo field; the alt text stays.
  await page.getByLabel("What the photo shows (alt text)").fill("Tea pack, front");
  await page.getByLabel(/^Photo/).setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not a picture") });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.locator("#image-error")).toHaveText("Upload a JPEG, PNG or WebP image.");
  await expect(page.getByLabel("What the photo shows (alt text)")).toHaveValue("Tea pack, front");
  await page.getByLabel(/^Photo/).setInputFiles({ name: "tea.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByTestId("product-images").getByRole("img", { name: "Tea pack, front" })).toBeVisible();

  // The shop shows it, search finds it.
  await page.goto(`/p/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("img", { name: "Tea pack, front" }).first()).toBeVisible();
  await expect(page.getByText("₹120.00").first()).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name }).first()).toBeVisible();

  // A new price shows on the product page.
  await page.goto(editUrl);
  await ready(page, testInfo);
  await page.getByLabel("Price (₹, incl. GST)").fill("99");
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto(`/p/${slug}`);
  await expect(page.getByText("₹99.00").first()).toBeVisible();

  // A shopper watches the product while the admin writes the stock off.
  const shopperContext = await browser.newContext({ javaScriptEnabled: isHydrated(testInfo) });
  const shopper = await shopperContext.newPage();
  await shopper.goto(`/p/${slug}`);
  await ready(shopper, testInfo);
  await expect(shopper.getByTestId("stock-badge").first()).toHaveText("In stock");
  await page.goto(editUrl);
  await ready(page, testInfo);
  await page.getByLabel("Units (+ to add, − to remove)").fill("-5");
  await page.getByLabel("Reason").selectOption({ label: "Damaged or expired" });
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByTestId("stock-on-hand")).toHaveText("0");
  await expect(page.getByTestId("stock-ledger").locator("tbody tr").first()).toContainText("damaged");
  if (!isHydrated(testInfo)) await shopper.reload();
  await expect(shopper.getByTestId("stock-badge").first()).toHaveText("Out of stock", { timeout: 3_000 });
  await shopperContext.close();
});

test("bad product input is refused beside each field and the rest of the form is kept", async ({ page }, testInfo) => {
  await asAdmin(page, testInfo);
  await page.goto("/admin/products/new");
  await ready(page, testInfo);
  await page.getByLabel("SKU").fill("E2E-BAD");
  await page.getByLabel("Brand").fill("Tata");
  await page.getByLabel("Price (₹, incl. GST)").fill("-20");
  await page.getByLabel("HSN code").fill("0902");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.locator("#name-error")).toHaveText("Enter the product's name.");
  await expect(page.locator("#price-error")).toHaveText("The amount must be more than zero.");
  await expect(page.locator("#category_id-error")).toHaveText("Choose a category.");
  await expect(page.getByLabel("Brand")).toHaveValue("Tata");
  await expect(page.getByLabel("Price (₹, incl. GST)")).toHaveValue("-20");
});

test("an admin publishes a page, unpublishes it, and restores an old revision", async ({ page, browser }, testInfo) => {
  const m = mode(testInfo);
  const slug = `festival-hours-${m}`;
  await asAdmin(page, testInfo);
  await page.goto("/admin/pages/new");
  await ready(page, testInfo);
  await page.getByLabel("Title", { exact: true }).fill(`Festival hours ${m}`);
  await page.getByLabel("Address (slug)").fill(slug);
  await page.getByLabel("Text", { exact: true }).fill("We are open **9 to 9**.");
  await page.getByRole("button", { name: "Create page" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const editUrl = page.url().replace(/\?.*$/, "");

  const visitor = await browser.newPage({ javaScriptEnabled: isHydrated(testInfo) });
  expect((await visitor.goto(`/${slug}`))?.status()).toBe(404);

  await page.goto(editUrl);
  await ready(page, testInfo);
  await page.getByLabel("Published (visible to everyone)").check();
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await visitor.goto(`/${slug}`))?.status()).toBe(200);
  await expect(visitor.getByTestId("page-body").locator("strong")).toHaveText("9 to 9");

  await page.goto(editUrl);
  await ready(page, testInfo);
  await page.getByLabel("Text", { exact: true }).fill("Closed for the festival.");
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await visitor.goto(`/${slug}`);
  await expect(visitor.getByTestId("page-body")).toHaveText("Closed for the festival.");

  // The oldest revision is the last row.
  await page.getByTestId("revisions").getByRole("button", { name: "Restore" }).last().click();
  await expect(page.getByText("The revision was restored.")).toBeVisible();
  await visitor.goto(`/${slug}`);
  await expect(visitor.getByTestId("page-body").locator("strong")).toHaveText("9 to 9");

  await page.goto(editUrl);
  await ready(page, testInfo);
  await page.getByLabel("Published (visible to everyone)").uncheck();
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await visitor.goto(`/${slug}`))?.status()).toBe(404);
  await visitor.close();
});

test("the shop's own files are not taken for content pages", async ({ page }) => {
  const icon = await page.request.get("/favicon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect((await page.request.get("/robots.txt")).status()).toBe(200);
  expect((await page.request.get("/no-such-page")).status()).toBe(404);
});
