import { expect, Page, test, TestInfo } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const PASSWORD = "mango lantern rickshaw 42";

/** An email address no other test or run uses. */
export function uniqueEmail(testInfo: TestInfo, what: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${what}-${testInfo.project.name}-${Date.now()}-${random}@example.in`;
}

/** A 12-digit UTR no other order uses (one UTR can settle only one order). */
export function uniqueUtr(): string {
  return "4" + String(Date.now() % 1e8).padStart(8, "0") + String(Math.floor(Math.random() * 1000)).padStart(3, "0");
}

export const isHydrated = (testInfo: TestInfo) => testInfo.project.name === "hydrated";

/** Waits until the page is interactive (hydrated); a no-op with JavaScript off. */
export async function ready(page: Page, testInfo: TestInfo) {
  if (isHydrated(testInfo)) {
    await page.waitForFunction(() => (window as any).__haat_hydrated === true);
  }
}

export async function signUp(page: Page, testInfo: TestInfo, email: string, name = "Asha Rao") {
  await page.goto("/signup");
  await ready(page, testInfo);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mobile number (optional)").fill("98765 43210");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account\?welcome=1$/);
}

/** Signs up an account of its own and makes it an admin in the database, so
 * the per-account login limit never meets another test's logins. */
export async function asAdmin(page: Page, testInfo: TestInfo): Promise<string> {
  const email = uniqueEmail(testInfo, "admin");
  await signUp(page, testInfo, email);
  const db = process.env.E2E_DATABASE_URL;
  if (!db) throw new Error("E2E_DATABASE_URL is not set: scripts/test sets it");
  execFileSync("psql", [db, "-qc", `UPDATE users SET role = 'admin' WHERE email = '${email}'`]);
  return email;
}

export async function logIn(page: Page, testInfo: TestInfo, email: string, password = PASSWORD) {
  await page.goto("/login");
  await ready(page, testInfo);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
}

/** The newest emailed message to `to` whose subject contains `subject`, decoded. */
export async function mailTo(to: string, subject: string): Promise<string> {
  const dir = process.env.MAIL_DIR;
  if (!dir) throw new Error("MAIL_DIR is not set");
  for (let i = 0; i < 40; i++) {
    const files = readdirSync(dir).filter((f) => f.endsWith(".eml")).sort().reverse();
    for (const file of files) {
      const raw = readFileSync(join(dir, file), "utf8");
      // Undo quoted-printable soft line breaks and escapes, if the mailer used them.
      const text = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
      if (text.includes(`To: ${to}`) && text.includes(subject)) return text;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} about ${subject}`);
}

/**
 * Fails a test when the page logged an error: a hydration mismatch, a script
 * the Content-Security-Policy blocked, an uncaught exception. Expected HTTP
 * error statuses (401, 403, 404, 422 for refused input, 429 for too many attempts) are not counted.
 */
export function failOnBrowserErrors() {
  const errors = new Map<Page, string[]>();
  test.beforeEach(async ({ page }) => {
    const seen: string[] = [];
    errors.set(page, seen);
    page.on("pageerror", (error) => seen.push(`uncaught: ${error.message}`));
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" && !/Failed to load resource: the server responded with a status of (40[134]|42[29])/.test(text)) {
        seen.push(`console: ${text}`);
      }
    });
  });
  test.afterEach(async ({ page }) => {
    expect(errors.get(page) ?? [], "errors in the browser").toEqual([]);
  });
}
