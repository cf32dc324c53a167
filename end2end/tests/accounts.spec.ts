import { expect, test } from "@playwright/test";
import { PASSWORD, failOnBrowserErrors, isHydrated, logIn, logOut, mailTo, ready, signUp, uniqueEmail } from "./helpers";

failOnBrowserErrors();

test("sign up, log out, log in again", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, "signup");
  await signUp(page, testInfo, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My account");
  await expect(page.getByText("Welcome to Haat! Your account is ready.")).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(email);

  await logOut(page);
  await logIn(page, testInfo, email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
});

test("a wrong password is refused and the email stays typed", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, "wrong");
  await signUp(page, testInfo, email);
  await logOut(page);
  await logIn(page, testInfo, email, "not my password at all");
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
});

test("bad sign-up input is shown beside each field and nothing typed is lost", async ({ page }, testInfo) => {
  await page.goto("/signup");
  await ready(page, testInfo);
  await page.getByLabel("Your name").fill("Asha Rao");
  await page.getByLabel("Email").fill("asha@");
  await page.getByLabel("Mobile number (optional)").fill("12345");
  await page.getByLabel("Password", { exact: true }).fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter an email address like name@example.com.");
  await expect(page.locator("#mobile-error")).toContainText("10-digit Indian mobile number");
  await expect(page.getByLabel("Your name")).toHaveValue("Asha Rao");
  await expect(page.getByLabel("Email")).toHaveValue("asha@");
  await expect(page.getByLabel("Mobile number (optional)")).toHaveValue("12345");
});

test("forgot password: the emailed link sets a new password once", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, "forgot");
  await signUp(page, testInfo, email);
  await logOut(page);

  await page.goto("/forgot-password");
  await ready(page, testInfo);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that email");

  const mail = await mailTo(email, "Reset your Haat password");
  const link = mail.match(/http:\/\/\S+\/reset-password\?token=[0-9a-f]+/)![0];
  await page.goto(link);
  await ready(page, testInfo);
  await page.getByLabel("New password", { exact: true }).fill("tamarind kite 77 monsoon");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByRole("status")).toContainText("Your password was changed");

  await logIn(page, testInfo, email, "tamarind kite 77 monsoon");
  await expect(page).toHaveURL(/\/account$/);

  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText("expired or was already used");
});

test("change password from the account page", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, "change");
  await signUp(page, testInfo, email);
  await ready(page, testInfo);
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("tamarind kite 77 monsoon");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password was changed. Other devices were signed out.");

  await logOut(page);
  await logIn(page, testInfo, email, "tamarind kite 77 monsoon");
  await expect(page).toHaveURL(/\/account$/);
});

test("a customer is refused from the admin", async ({ page }, testInfo) => {
  await signUp(page, testInfo, uniqueEmail(testInfo, "refused"));
  const response = await page.goto("/admin");
  expect(response!.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("a visitor is sent to log in, then back to the page they wanted", async ({ page }, testInfo) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=\/dashboard$/);
  await ready(page, testInfo);
  await page.getByLabel("Email").fill("staff@demo.haat.local");
  await page.getByLabel("Password", { exact: true }).fill("haat-demo-2026");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("dashboard-role")).toHaveText("Staff");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("the admin sees the admin and dashboard in the menu", async ({ page }, testInfo) => {
  await logIn(page, testInfo, "admin@demo.haat.local", "haat-demo-2026");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Admin");
});

test("an unknown address shows the 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page).toHaveTitle("Page not found · Haat");
});

test("the password's Show button works only once the page is interactive", async ({ page }, testInfo) => {
  await page.goto("/login");
  const show = page.getByRole("button", { name: "Show" });
  const password = page.getByLabel("Password", { exact: true });
  if (isHydrated(testInfo)) {
    await ready(page, testInfo);
    await password.fill("visible now");
    await show.click();
    await expect(password).toHaveAttribute("type", "text");
    await expect(page.getByRole("button", { name: "Hide" })).toBeVisible();
  } else {
    await expect(show).toBeDisabled();
    await expect(password).toHaveAttribute("type", "password");
  }
});

test("after too many failed logins the form says how long to wait", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, "locked");
  for (let attempt = 0; attempt < 5; attempt++) {
    await logIn(page, testInfo, email, "guessing wrongly");
    await expect(page.getByRole("alert")).toHaveText("That email and password do not match an account.");
  }
  await logIn(page, testInfo, email, "guessing wrongly");
  await expect(page.getByRole("alert")).toHaveText(/^Too many attempts\. Try again in \d+ minutes?\.$/);
  await expect(page.getByLabel("Email")).toHaveValue(email);
});
