import { Browser, expect, Page, test, TestInfo } from "@playwright/test";
import { asAdmin, failOnBrowserErrors, isHydrated, ready, uniqueEmail } from "./helpers";

failOnBrowserErrors();

/** A shopper orders one pack of basmati rice, cash, delivered to `state`;
 * returns the shopper's page (on the order) and the order's reference. */
async function orderDeliveredTo(browser: Browser, testInfo: TestInfo, state: string): Promise<{ shopper: Page; reference: string }> {
  const context = await browser.newContext({ javaScriptEnabled: isHydrated(testInfo) });
  const shopper = await context.newPage();
  await shopper.goto("/p/india-gate-basmati-rice-5-kg");
  await ready(shopper, testInfo);
  await shopper.getByRole("button", { name: "Add to cart" }).click();
  await expect(shopper).toHaveURL(/\/cart$/);
  await shopper.goto("/checkout");
  await ready(shopper, testInfo);
  await shopper.getByLabel("Name").fill("Kavya Shetty");
  await shopper.getByLabel("Email").fill(uniqueEmail(testInfo, "invoice"));
  await shopper.getByLabel("Mobile number").fill("9876543210");
  await shopper.getByLabel("Deliver to my address").check();
  await shopper.getByLabel("House, street and area").fill("7 Residency Road");
  await shopper.getByLabel("City or town").fill("Bengaluru");
  await shopper.getByLabel("State").selectOption(state);
  await shopper.getByLabel("PIN code").fill("560025");
  await shopper.getByLabel("Cash at pickup").check();
  await shopper.getByRole("button", { name: "Place order" }).click();
  await expect(shopper).toHaveURL(/\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}$/);
  return { shopper, reference: new URL(shopper.url()).pathname.split("/").pop()! };
}

async function deliver(page: Page, testInfo: TestInfo, reference: string) {
  await page.goto(`/admin/orders/${reference}`);
  for (const [step, status] of [["Mark packed", "Packed"], ["Mark shipped", "Shipped"], ["Mark delivered", "Delivered"]]) {
    await ready(page, testInfo);
    await page.getByRole("button", { name: step }).click();
    await expect(page.getByTestId("order-status")).toHaveText(status);
  }
}

test("a delivered order's tax invoice splits CGST and SGST in the shop's State and charges IGST in another", async ({ page, browser }, testInfo) => {
  await asAdmin(page, testInfo);

  // The demo shop is in Maharashtra: a delivery there is an intra-State supply.
  const home = await orderDeliveredTo(browser, testInfo, "Maharashtra");
  await deliver(page, testInfo, home.reference);
  await page.getByTestId("invoice-link").click();
  const invoice = page.getByTestId("invoice");
  await expect(page.getByRole("heading", { name: "Tax invoice" })).toBeVisible();
  await expect(page.getByTestId("invoice-number")).toHaveText(/^INV\/\d{2}-\d{2}\/\d{6}$/);
  await expect(page.getByTestId("invoice-date")).not.toBeEmpty();
  await expect(page.getByTestId("supplier")).toContainText("27AAPFU0939F1ZV");
  await expect(page.getByTestId("supplier")).toContainText("Maharashtra (27)");
  await expect(page.getByTestId("recipient")).toContainText("Kavya Shetty");
  await expect(page.getByTestId("recipient")).toContainText("7 Residency Road");
  await expect(page.getByTestId("place-of-supply")).toHaveText("Maharashtra (27)");
  await expect(page.getByTestId("invoice-lines")).toContainText("Basmati Rice");
  await expect(page.getByTestId("invoice-lines")).toContainText("1006");
  await expect(page.getByTestId("cgst")).toHaveText("₹16.40");
  await expect(page.getByTestId("sgst")).toHaveText("₹16.41");
  await expect(invoice).not.toContainText("IGST (₹)");
  await expect(page.getByTestId("payable")).toHaveText("₹689.00");

  // The customer finds it from their order.
  await home.shopper.reload();
  await home.shopper.getByTestId("invoice-link").click();
  await expect(home.shopper.getByTestId("invoice-number")).toHaveText(/^INV\//);
  await home.shopper.context().close();

  // Karnataka is another State: IGST.
  const away = await orderDeliveredTo(browser, testInfo, "Karnataka");
  await deliver(page, testInfo, away.reference);
  await page.getByTestId("invoice-link").click();
  await expect(page.getByTestId("place-of-supply")).toHaveText("Karnataka (29)");
  await expect(page.getByTestId("igst")).toHaveText("₹32.81");
  await expect(page.getByTestId("invoice")).not.toContainText("CGST");
  await away.shopper.context().close();
});
