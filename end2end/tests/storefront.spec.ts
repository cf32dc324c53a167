import { expect, test } from "@playwright/test";
import { failOnBrowserErrors, isHydrated, ready } from "./helpers";

failOnBrowserErrors();

/** The prices shown on the listing, in rupees, in page order. */
async function shownPrices(page: import("@playwright/test").Page): Promise<number[]> {
  const texts = await page.getByTestId("price").allTextContents();
  return texts.map((t) => Number(t.replace(/[₹,]/g, "")));
}

test("from a product page to its category, filtered, sorted, page 2, then a search with a typo", async ({ page }, testInfo) => {
  // Landing from a search engine on a product page.
  await page.goto("/p/tata-sampann-toor-dal-1-kg");
  await ready(page, testInfo);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toor Dal");
  await expect(page.getByTestId("price").first()).toHaveText("₹179.00");
  await expect(page.getByTestId("mrp").first()).toHaveText("₹199.00");
  await expect(page.getByText("10% off").first()).toBeVisible();
  await expect(page.getByTestId("stock-badge").first()).toHaveText("In stock");

  // Breadcrumbs to the category.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Staples and grains" }).click();
  await expect(page).toHaveURL(/\/c\/staples$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staples and grains");
  await ready(page, testInfo);

  // Filter by brand and price.
  await page.getByLabel("Brand").selectOption("Tata Sampann");
  await page.getByLabel("Minimum price in rupees").fill("90");
  await page.getByLabel("Maximum price in rupees").fill("200");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/brand=Tata(\+|%20)Sampann/);
  await expect(page.getByTestId("result-count")).toHaveText("3 products");
  await ready(page, testInfo);

  // Sort by price.
  await page.getByLabel("Sort by").selectOption("price_asc");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=price_asc/);
  expect(await shownPrices(page)).toEqual([99, 158, 179]);
  await ready(page, testInfo);

  // All brands and prices, cheapest first, then page 2.
  await page.getByLabel("Brand").selectOption("");
  await page.getByLabel("Minimum price in rupees").fill("");
  await page.getByLabel("Maximum price in rupees").fill("");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("14 products");
  const firstPage = await shownPrices(page);
  expect(firstPage).toEqual([...firstPage].sort((a, b) => a - b));
  await page.getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("link", { name: "Previous" })).toBeVisible();
  await expect(page.getByTestId("price")).toHaveCount(2);
  const secondPage = await shownPrices(page);
  expect(Math.min(...secondPage)).toBeGreaterThanOrEqual(Math.max(...firstPage));
  await ready(page, testInfo);

  // A search with a typo finds the product.
  await page.getByRole("searchbox", { name: "Search products" }).fill("basmti rice");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=basmti(\+|%20)rice/);
  await page.getByRole("link", { name: "Basmati Rice" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Basmati Rice");
  const alsoBought = page.getByRole("region", { name: "Customers also bought" });
  await expect(alsoBought.getByTestId("product-card").first()).toBeVisible();
  await expect(alsoBought.getByText("Biryani Masala")).toBeVisible();
});

test("an out-of-stock product cannot be added to the cart", async ({ page }) => {
  await page.goto("/p/saffola-sunflower-oil-1-l");
  await expect(page.getByTestId("stock-badge").first()).toHaveText("Out of stock");
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled();
});

test("an unknown product is a 404 page", async ({ page }) => {
  const response = await page.goto("/p/no-such-thing");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("typing in the search box suggests products once the page is interactive; Enter searches", async ({ page }, testInfo) => {
  await page.goto("/");
  await ready(page, testInfo);
  const box = page.getByRole("searchbox", { name: "Search products" });
  await box.pressSequentially("colgat", { delay: 30 });
  const suggestions = page.getByRole("list", { name: "Suggestions" });
  if (isHydrated(testInfo)) {
    await expect(suggestions.getByRole("link", { name: /Toothpaste Strong Teeth/ })).toBeVisible();
  } else {
    await expect(suggestions).toHaveCount(0);
  }
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=colgat$/);
  await expect(page.getByTestId("product-card").first()).toContainText("Toothpaste Strong Teeth");
});

test("on an out-of-stock product a shopper asks to be told when it is back", async ({ page }, testInfo) => {
  await page.goto("/p/knorr-tomato-soup-mix-53-g");
  await ready(page, testInfo);
  await page.getByLabel("Your email").fill("asha@");
  await page.getByRole("button", { name: "Notify me" }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  await expect(page.getByLabel("Your email")).toHaveValue("asha@");
  await ready(page, testInfo);
  await page.getByLabel("Your email").fill(`soup-${testInfo.project.name}@example.in`);
  await page.getByRole("button", { name: "Notify me" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you. We will email you once, when it is back in stock.");
});
