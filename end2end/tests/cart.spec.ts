import { expect, test } from "@playwright/test";
import { PASSWORD, failOnBrowserErrors, ready, uniqueEmail } from "./helpers";

failOnBrowserErrors();

async function addToCart(page: import("@playwright/test").Page, testInfo: import("@playwright/test").TestInfo, slug: string, quantity: string) {
  await page.goto(`/p/${slug}`);
  await ready(page, testInfo);
  await page.getByLabel("Quantity").fill(quantity);
  await page.getByRole("button", { name: "Add to cart" }).click();
}

test("a guest fills a cart, signs up, and the cart is still there", async ({ page }, testInfo) => {
  await addToCart(page, testInfo, "india-gate-basmati-rice-5-kg", "2");
  await expect(page).toHaveURL(/\/cart$/);
  await addToCart(page, testInfo, "aashirvaad-whole-wheat-atta-5-kg", "1");
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-total")).toHaveText("₹1,640.00");
  await expect(page.getByText("Includes GST at 5%")).toBeVisible();

  await page.goto("/signup");
  await ready(page, testInfo);
  await page.getByLabel("Your name").fill("Asha Rao");
  await page.getByLabel("Email").fill(uniqueEmail(testInfo, "cart"));
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account\?welcome=1$/);

  await page.getByRole("link", { name: "Cart" }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-total")).toHaveText("₹1,640.00");
});

test("asking for more than is in stock is refused beside the quantity, which is kept", async ({ page }, testInfo) => {
  await addToCart(page, testInfo, "fortune-chana-dal-1-kg", "5");
  await expect(page.locator("#quantity-error")).toHaveText("Only 3 in stock.");
  await expect(page.getByLabel("Quantity")).toHaveValue("5");
});

test("a bad quantity in the cart is refused on its line; removing empties the cart", async ({ page }, testInfo) => {
  await addToCart(page, testInfo, "tata-tea-premium-tea-1-kg", "1");
  await expect(page).toHaveURL(/\/cart$/);
  await ready(page, testInfo);
  const line = page.getByTestId("cart-line");
  await line.getByLabel("Quantity").fill("0");
  await line.getByRole("button", { name: "Update" }).click();
  await expect(page.getByTestId("cart-line")).toContainText("Enter a quantity from 1 to 100.");
  await ready(page, testInfo);
  await page.getByTestId("cart-line").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("empty-cart")).toBeVisible();
});
