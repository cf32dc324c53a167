import { expect, test } from "@playwright/test";
import { failOnBrowserErrors, isHydrated, ready } from "./helpers";

failOnBrowserErrors();

// Each mode buys up a different low-stock product, so the two runs do not meet.
const product = (hydrated: boolean) =>
  hydrated ? { slug: "everest-chaat-masala-100-g", left: "4" } : { slug: "haldirams-moong-dal-namkeen-200-g", left: "2" };

test("an order through another server instance turns this page's badge to Out of stock", async ({ page, browser }, testInfo) => {
  const second = process.env.E2E_SECOND_URL;
  if (!second) throw new Error("E2E_SECOND_URL is not set: scripts/test starts a second server instance");
  const hydrated = isHydrated(testInfo);
  const { slug, left } = product(hydrated);

  await page.goto(`/p/${slug}`);
  await ready(page, testInfo);
  await expect(page.getByTestId("stock-badge").first()).toHaveText(`Only ${left} left`);

  // Another shopper, on the other instance, buys every unit left.
  const other = await browser.newContext({ baseURL: second, javaScriptEnabled: hydrated });
  const shopper = await other.newPage();
  await shopper.goto(`/p/${slug}`);
  await ready(shopper, testInfo);
  await shopper.getByLabel("Quantity").fill(left);
  await shopper.getByRole("button", { name: "Add to cart" }).click();
  await expect(shopper).toHaveURL(/\/cart$/);
  await shopper.goto("/checkout");
  await ready(shopper, testInfo);
  await shopper.getByLabel("Name").fill("Ravi Kumar");
  await shopper.getByLabel("Email").fill("ravi@example.in");
  await shopper.getByLabel("Mobile number").fill("9876543210");
  await shopper.getByLabel("Cash at pickup").check();
  await shopper.getByRole("button", { name: "Place order" }).click();
  await expect(shopper).toHaveURL(/\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}$/);
  await other.close();

  if (hydrated) {
    // Live: no reload, within a second of the order.
    await expect(page.getByTestId("stock-badge").first()).toHaveText("Out of stock", { timeout: 1_000 });
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled({ timeout: 1_000 });
  } else {
    // Without JavaScript a page cannot change by itself; the next load is right.
    await page.reload();
    await expect(page.getByTestId("stock-badge").first()).toHaveText("Out of stock");
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled();
  }
});
