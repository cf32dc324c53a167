import { expect, test } from "@playwright/test";
import { PASSWORD, asAdmin, failOnBrowserErrors, isHydrated, mailTo, ready, uniqueEmail } from "./helpers";

failOnBrowserErrors();

// The keys of the loopback Razorpay scripts/test starts (end2end/fake-razorpay.mjs).
const KEY_ID = "rzp_test_BrowserFake01";
const KEY_SECRET = "browser-key-secret";
const WEBHOOK_SECRET = "browser-webhook-secret";

test("an admin switches on Razorpay; a customer pays online and the order, the email and the admin show it paid", async ({ page, browser }, testInfo) => {
  await asAdmin(page, testInfo);
  await page.goto("/admin/settings");
  await ready(page, testInfo);
  await expect(page.getByTestId("webhook-url")).toContainText("/webhooks/razorpay");
  await page.getByLabel("Offer “Pay online” at checkout").check();
  await page.getByLabel("Key id").fill("my key");
  await page.getByLabel("Key secret").fill(KEY_SECRET);
  await page.getByLabel("Webhook secret").fill(WEBHOOK_SECRET);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Save online payments" }).click();
  // A wrong key id is refused beside its field; what was typed stays, the secrets do not.
  await expect(page.locator("#key_id-error")).toContainText("rzp_live_");
  await expect(page.getByLabel("Key id")).toHaveValue("my key");
  await expect(page.getByLabel("Key secret")).toHaveValue("");
  await ready(page, testInfo);
  await page.getByLabel("Key id").fill(KEY_ID);
  await page.getByLabel("Key secret").fill(KEY_SECRET);
  await page.getByLabel("Webhook secret").fill(WEBHOOK_SECRET);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Save online payments" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\?saved=1$/);
  await expect(page.getByLabel("Key id")).toHaveValue(KEY_ID);
  await expect(page.getByLabel("Key secret")).toHaveValue("");
  await expect(page.locator("#key_secret-hint")).toContainText("never shown again");

  // A guest, in another browser, pays online.
  const shopper = await browser.newContext({ javaScriptEnabled: isHydrated(testInfo) });
  const guest = await shopper.newPage();
  await guest.goto("/p/mdh-garam-masala-100-g");
  await ready(guest, testInfo);
  await guest.getByLabel("Quantity").fill("2");
  await guest.getByRole("button", { name: "Add to cart" }).click();
  await expect(guest).toHaveURL(/\/cart$/);
  await guest.goto("/checkout");
  await ready(guest, testInfo);
  const email = uniqueEmail(testInfo, "online");
  await guest.getByLabel("Name").fill("Kavya Iyer");
  await guest.getByLabel("Email").fill(email);
  await guest.getByLabel("Mobile number").fill("9876543210");
  await guest.getByLabel("Pay online: UPI, card or netbanking (Razorpay)").check();
  await guest.getByRole("button", { name: "Place order" }).click();
  await expect(guest).toHaveURL(/\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}$/);
  const reference = (await guest.getByTestId("order-reference").textContent())!;
  await expect(guest.getByTestId("order-status")).toHaveText("Awaiting payment");
  await ready(guest, testInfo);
  await guest.getByTestId("pay-online").click();
  if (isHydrated(testInfo)) {
    // Razorpay Checkout opens over our page.
    await guest.frameLocator('iframe[title="Razorpay Checkout"]').getByRole("button", { name: "Pay now" }).click();
  } else {
    // The hosted payment-link page, which sends the customer back here.
    await expect(guest.getByRole("heading", { name: /Pay ₹/ })).toBeVisible();
    await guest.getByRole("button", { name: "Pay now" }).click();
  }
  await expect(guest.getByTestId("order-status")).toHaveText("Paid");
  await expect(guest.getByTestId("pay-online")).toHaveCount(0);
  await shopper.close();

  const mail = await mailTo(email, `${reference}: Paid`);
  expect(mail).toContain("is now: Paid");
  await page.goto(`/admin/orders/${reference}`);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("payment-id")).toContainText("pay_");
});
