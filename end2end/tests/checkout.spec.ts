import { expect, test } from "@playwright/test";
import { failOnBrowserErrors, isHydrated, logIn, mailTo, ready, signUp, uniqueEmail, uniqueUtr } from "./helpers";

failOnBrowserErrors();

async function addToCart(page: import("@playwright/test").Page, testInfo: import("@playwright/test").TestInfo, slug: string, quantity: string) {
  await page.goto(`/p/${slug}`);
  await ready(page, testInfo);
  await page.getByLabel("Quantity").fill(quantity);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL(/\/cart$/);
}

test("guest cart, sign in, pay by UPI with the QR and intent link, enter the UTR, see the order in the account", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, "upi");
  await signUp(page, testInfo, email);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  await addToCart(page, testInfo, "mdh-garam-masala-100-g", "2");
  await addToCart(page, testInfo, "britannia-marie-gold-biscuits-250-g", "1");
  await logIn(page, testInfo, email);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await page.getByRole("link", { name: "Proceed to checkout" }).click();
  await ready(page, testInfo);
  await expect(page.getByTestId("checkout-summary")).toContainText("₹211.00");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Mobile number").fill("98765 43210");
  await page.getByLabel("UPI (any UPI app)").check();
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page).toHaveURL(/\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}$/);
  const reference = (await page.getByTestId("order-reference").textContent())!;
  await expect(page.getByTestId("order-status")).toHaveText("Awaiting payment");
  const link = await page.getByTestId("upi-link").getAttribute("href");
  const intent = new URL(link!);
  expect(intent.protocol).toBe("upi:");
  expect(intent.searchParams.get("am")).toBe("211.00");
  expect(intent.searchParams.get("cu")).toBe("INR");
  expect(intent.searchParams.get("tr")).toBe(reference);
  expect(intent.searchParams.get("pa")).toBe("demo.store@upi");
  await expect(page.getByTestId("upi-qr").locator("svg")).toBeVisible();
  expect(await page.getByTestId("upi-qr").getAttribute("data-payload")).toBe(link);

  await ready(page, testInfo);
  await page.getByLabel("UTR (12 digits)").fill("41234");
  await page.getByRole("button", { name: "Send payment reference" }).click();
  await expect(page.locator("#utr-error")).toContainText("12-digit UTR");
  await expect(page.getByLabel("UTR (12 digits)")).toHaveValue("41234");
  await page.getByLabel("UTR (12 digits)").fill(uniqueUtr());
  await page.getByRole("button", { name: "Send payment reference" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Awaiting payment confirmation");

  await page.goto("/account");
  await expect(page.getByTestId("my-orders")).toContainText(reference);
  await expect(page.getByTestId("my-orders")).toContainText("Awaiting payment confirmation");
});

test("a guest pays cash at pickup; bad details are shown beside their fields and kept", async ({ page }, testInfo) => {
  await addToCart(page, testInfo, "amul-fresh-paneer-200-g", "1");
  await page.goto("/checkout");
  await ready(page, testInfo);
  await page.getByLabel("Name").fill("Ravi Kumar");
  await page.getByLabel("Email").fill("ravi@");
  await page.getByLabel("Mobile number").fill("12345");
  await page.getByLabel("Cash at pickup").check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  await expect(page.locator("#mobile-error")).toContainText("10-digit");
  await expect(page.getByLabel("Name")).toHaveValue("Ravi Kumar");
  await expect(page.getByLabel("Mobile number")).toHaveValue("12345");
  await expect(page.getByLabel("Cash at pickup")).toBeChecked();

  await ready(page, testInfo);
  await page.getByLabel("Email").fill(uniqueEmail(testInfo, "cod"));
  await page.getByLabel("Mobile number").fill("9876543210");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}$/);
  await expect(page.getByTestId("order-status")).toHaveText("To be paid at pickup");
  await expect(page.getByTestId("order-total")).toHaveText("₹90.00");
});

test("the same with cash at pickup: guest cart, sign in, place the order, see it in the account", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, "cod-account");
  await signUp(page, testInfo, email);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  await addToCart(page, testInfo, "tata-sampann-moong-dal-1-kg", "1");
  await addToCart(page, testInfo, "catch-cumin-seeds-100-g", "2");
  await logIn(page, testInfo, email);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await page.getByRole("link", { name: "Proceed to checkout" }).click();
  await ready(page, testInfo);
  await expect(page.getByTestId("checkout-summary")).toContainText("₹270.00");
  await page.getByLabel("Mobile number").fill("9876543210");
  await page.getByLabel("Cash at pickup").check();
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page).toHaveURL(/\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}$/);
  const reference = (await page.getByTestId("order-reference").textContent())!;
  await expect(page.getByTestId("order-status")).toHaveText("To be paid at pickup");
  await expect(page.getByTestId("upi-link")).toHaveCount(0);
  await expect(page.getByTestId("timeline")).toContainText("To be paid at pickup");

  await page.goto("/account");
  await expect(page.getByTestId("my-orders")).toContainText(reference);
  await expect(page.getByTestId("my-orders")).toContainText("To be paid at pickup");
});

test("a guest orders on one device and reports the UTR from another, with only the emailed link", async ({ page, browser }, testInfo) => {
  const email = uniqueEmail(testInfo, "two-devices");
  await addToCart(page, testInfo, "mdh-garam-masala-100-g", "1");
  await page.goto("/checkout");
  await ready(page, testInfo);
  await page.getByLabel("Name").fill("Asha Rao");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mobile number").fill("98765 43210");
  await page.getByLabel("UPI (any UPI app)").check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}$/);
  const reference = (await page.getByTestId("order-reference").textContent())!;
  await expect(page.getByTestId("keep-the-link")).toBeVisible();

  // The phone has never seen this shop: only the email's link.
  const mail = await mailTo(email, reference);
  const link = mail.match(/https?:\/\/\S+\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}/)![0];
  const phone = await browser.newContext({ javaScriptEnabled: isHydrated(testInfo) });
  const other = await phone.newPage();
  await other.goto(link);
  await ready(other, testInfo);
  await expect(other.getByTestId("order-reference")).toHaveText(reference);
  await expect(other.getByTestId("upi-link")).toBeVisible();
  await other.getByLabel("UTR (12 digits)").fill(uniqueUtr());
  await other.getByRole("button", { name: "Send payment reference" }).click();
  await expect(other.getByTestId("order-status")).toHaveText("Awaiting payment confirmation");

  // Without the key the order is nobody else's business.
  await other.goto(link.split("?")[0]);
  await expect(other.getByRole("heading", { level: 1 })).toContainText(/not found/i);
  await phone.close();
});
