import { Browser, expect, Page, test, TestInfo } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { PASSWORD, failOnBrowserErrors, isHydrated, logIn, mailTo, ready, signUp, uniqueEmail } from "./helpers";

failOnBrowserErrors();

function sql(statement: string) {
  const db = process.env.E2E_DATABASE_URL;
  if (!db) throw new Error("E2E_DATABASE_URL is not set: scripts/test sets it");
  execFileSync("psql", [db, "-qc", statement]);
}

async function asAdmin(page: Page, testInfo: TestInfo) {
  const email = uniqueEmail(testInfo, "admin");
  await signUp(page, testInfo, email, "Vikram Admin");
  sql(`UPDATE users SET role = 'admin' WHERE email = '${email}'`);
}

/** A second browser, in the same mode, for another person. */
async function person(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: isHydrated(testInfo) });
  return context.newPage();
}

test("a business applies, is approved, shares its link, and is paid for the order it brought", async ({ page, browser }, testInfo) => {
  // The whole programme in one journey, three people, some forty page loads:
  // more than the default minute on a 2-core machine running every spec twice.
  test.setTimeout(180_000);
  const email = uniqueEmail(testInfo, "clinic");

  // Apply as a business partner; a wrong GSTIN is caught beside its field and nothing typed is lost.
  const applicant = await person(browser, testInfo);
  await applicant.goto("/partners");
  await applicant.getByRole("link", { name: "Apply now" }).click();
  await ready(applicant, testInfo);
  await applicant.getByLabel("A business").check();
  await applicant.getByLabel("Your name").fill("Kavita Deshpande");
  await applicant.getByLabel("Email").fill(email);
  await applicant.getByLabel("Mobile number").fill("98220 11111");
  await applicant.getByLabel("City").fill("Pune");
  await applicant.getByLabel("UPI ID for payouts").fill("kavita.clinic@okicici");
  await applicant.getByLabel("Business name").fill("Deshpande Clinic");
  await applicant.getByLabel("GSTIN").fill("27AAPFU0939F1ZX");
  await applicant.getByLabel("Business address").fill("21 Karve Road, Pune");
  await applicant.getByRole("button", { name: "Send application" }).click();
  await expect(applicant.locator("#gstin-error")).toContainText("does not match");
  await expect(applicant.getByLabel("Business name")).toHaveValue("Deshpande Clinic");
  await expect(applicant.getByLabel("A business")).toBeChecked();
  await ready(applicant, testInfo);
  await applicant.getByLabel("GSTIN").fill("27AAPFU0939F1ZV");
  await applicant.getByRole("button", { name: "Send application" }).click();
  await expect(applicant.getByRole("status")).toContainText("your application is in");
  await mailTo(email, "We received your partner application");

  // An admin approves it.
  await asAdmin(page, testInfo);
  await page.goto("/admin/partners");
  await ready(page, testInfo);
  const application = page.locator(`li[data-email="${email}"]`);
  await expect(application).toContainText("27AAPFU0939F1ZV");
  await application.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toContainText("Approved");

  // The partner chooses a password from the emailed link, logs in, and finds the link and its QR code.
  const welcome = await mailTo(email, "Welcome to the partner programme");
  const setPassword = welcome.match(/http:\/\/\S+\/reset-password\?token=[0-9a-f]+/)![0];
  await applicant.goto(setPassword);
  await ready(applicant, testInfo);
  await applicant.getByLabel("New password", { exact: true }).fill("clinic karve road 21");
  await applicant.getByRole("button", { name: "Save new password" }).click();
  await expect(applicant).toHaveURL(/\/login\?reset=1$/);
  await logIn(applicant, testInfo, email, "clinic karve road 21");
  await expect(applicant.getByRole("button", { name: "Log out" })).toBeVisible();
  await applicant.goto("/dashboard");
  await ready(applicant, testInfo);
  const link = await applicant.getByRole("textbox", { name: "Referral link" }).inputValue();
  const code = (await applicant.getByTestId("referral-code").textContent())!;
  expect(link).toMatch(new RegExp(`/\\?ref=${code}$`));
  await expect(applicant.getByTestId("referral-qr").locator("svg")).toBeVisible();
  const copy = applicant.getByRole("button", { name: "Copy link" });
  if (isHydrated(testInfo)) {
    await applicant.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await copy.click();
    await expect(applicant.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await applicant.evaluate(() => navigator.clipboard.readText())).toBe(link);
  } else {
    await expect(copy).toBeDisabled();
  }

  // Someone opens the link in another browser and orders, paying cash at pickup.
  const shopper = await person(browser, testInfo);
  await shopper.goto(new URL(link).pathname + new URL(link).search);
  await shopper.goto("/p/amul-fresh-paneer-200-g");
  await ready(shopper, testInfo);
  await shopper.getByLabel("Quantity").fill("2");
  await shopper.getByRole("button", { name: "Add to cart" }).click();
  await expect(shopper).toHaveURL(/\/cart$/);
  await shopper.goto("/checkout");
  await ready(shopper, testInfo);
  await shopper.getByLabel("Name").fill("Neha Kulkarni");
  await shopper.getByLabel("Email").fill(uniqueEmail(testInfo, "shopper"));
  await shopper.getByLabel("Mobile number").fill("9876543210");
  await shopper.getByLabel("Cash at pickup").check();
  await shopper.getByRole("button", { name: "Place order" }).click();
  await expect(shopper).toHaveURL(/\/orders\/H[A-Z0-9]{7}\?key=[0-9a-f]{32}$/);
  const reference = new URL(shopper.url()).pathname.split("/").pop()!;

  await applicant.reload();
  await expect(applicant.getByTestId("figure-visits")).toHaveText("1");
  await expect(applicant.getByTestId("figure-orders")).toHaveText("1");
  await expect(applicant.getByTestId("referred-orders")).toContainText("N*** K*******");
  await expect(applicant.getByTestId("referred-orders")).not.toContainText("Neha");

  // Staff hand it over; the commission is pending.
  await page.goto(`/admin/orders/${reference}`);
  for (const [step, status] of [["Mark packed", "Packed"], ["Mark ready for pickup", "Ready for pickup"], ["Mark collected", "Delivered"]]) {
    await ready(page, testInfo);
    await page.getByRole("button", { name: step }).click();
    await expect(page.getByTestId("order-status")).toHaveText(status);
  }
  await applicant.reload();
  const pending = (await applicant.getByTestId("figure-pending").textContent())!;
  expect(pending).not.toBe("₹0.00");
  await expect(applicant.getByTestId("order-commission")).toContainText("pending");

  // The holding period passes; the admin makes the statement and pays it.
  sql(`UPDATE commissions SET due_at = now() - interval '1 minute'
       WHERE partner_id = (SELECT id FROM users WHERE email = '${email}')`);
  await applicant.reload();
  await expect(applicant.getByTestId("figure-due")).toHaveText(pending);
  await page.goto("/admin/payouts");
  await ready(page, testInfo);
  await page.getByRole("button", { name: "Generate statements from due commissions" }).click();
  const statement = page.locator(`tr[data-partner="${email}"]`);
  await expect(statement.getByTestId("statement-amount")).toHaveText(pending);
  await ready(page, testInfo);
  await statement.getByLabel("UTR for Kavita Deshpande").fill("N1232600");
  // Paying out asks for the admin's own password again.
  await statement.getByLabel("Your password").fill(PASSWORD);
  await statement.getByRole("button", { name: "Mark paid" }).click();
  await expect(page.locator(`tr[data-partner="${email}"]`)).toContainText("12 to 22 letters and digits");
  const utr = `N${Date.now()}`.slice(0, 16).padEnd(16, "0");
  await ready(page, testInfo);
  await page.locator(`tr[data-partner="${email}"]`).getByLabel("UTR for Kavita Deshpande").fill(utr);
  await page.locator(`tr[data-partner="${email}"]`).getByLabel("Your password").fill(PASSWORD);
  await page.locator(`tr[data-partner="${email}"]`).getByRole("button", { name: "Mark paid" }).click();
  await expect(page.locator(`tr[data-partner="${email}"]`).getByTestId("paid-utr")).toHaveText(`Paid · UTR ${utr}`);

  await applicant.reload();
  await expect(applicant.getByTestId("figure-paid")).toHaveText(pending);
  await expect(applicant.getByTestId("figure-due")).toHaveText("₹0.00");
  await expect(applicant.getByTestId("partner-payouts")).toContainText(`Paid · UTR ${utr}`);
  await mailTo(email, "Your partner payout");
});
