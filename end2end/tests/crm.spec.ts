import { expect, Page, test, TestInfo } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { failOnBrowserErrors, isHydrated, ready, signUp, uniqueEmail } from "./helpers";

failOnBrowserErrors();

async function asSales(page: Page, testInfo: TestInfo) {
  const email = uniqueEmail(testInfo, "sales");
  await signUp(page, testInfo, email, "Sunil Sales");
  const db = process.env.E2E_DATABASE_URL;
  if (!db) throw new Error("E2E_DATABASE_URL is not set: scripts/test sets it");
  execFileSync("psql", [db, "-qc", `UPDATE users SET role = 'staff', staff_role = 'sales' WHERE email = '${email}'`]);
}

/** A mobile number no other run has used, so the duplicate warning is ours. */
function uniqueMobile(): string {
  return `9${String(Date.now()).slice(-9)}`;
}

test("a lead is entered, warned about as a duplicate, moved across the board and lost with a reason", async ({ page }, testInfo) => {
  const name = `Ramesh Patil ${testInfo.project.name} ${Date.now()}`;
  const mobile = uniqueMobile();
  await asSales(page, testInfo);

  await page.goto("/crm/new");
  await ready(page, testInfo);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Mobile number").fill(mobile);
  await page.getByLabel("Company").fill("Patil Traders");
  await page.getByLabel("Estimated value (₹)").fill("25000");
  await page.getByRole("button", { name: "Save lead" }).click();
  await expect(page).toHaveURL(/\/crm\/leads\/\d+\?created=1$/);
  await expect(page.getByTestId("lead-name")).toHaveText(name);

  // The same mobile again: pointed out beside the field, everything typed kept.
  await page.goto("/crm/new");
  await ready(page, testInfo);
  await page.getByLabel("Name").fill(`${name} (again)`);
  await page.getByLabel("Mobile number").fill(mobile);
  await page.getByRole("button", { name: "Save lead" }).click();
  await expect(page.locator("#mobile-error")).toContainText(`${name} (new), has the same mobile or email`);
  await expect(page.getByLabel("Name")).toHaveValue(`${name} (again)`);

  // Across the board: dragged when hydrated, the stage selector without JavaScript.
  await page.goto("/crm");
  await ready(page, testInfo);
  const card = page.locator(`li[data-lead="${name}"]`);
  await expect(page.locator('section[data-stage="new"]').locator(`li[data-lead="${name}"]`)).toBeVisible();
  if (isHydrated(testInfo)) {
    // The events a drag produces, on exactly these elements: a mouse-driven
    // dragTo now and then started the drag on a neighbouring card (a CI run
    // moved another lead), which tests Chromium's gesture, not the board.
    const column = page.locator('section[data-stage="contacted"]');
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    await card.dispatchEvent("dragstart", { dataTransfer });
    await column.dispatchEvent("dragover", { dataTransfer });
    await column.dispatchEvent("drop", { dataTransfer });
  } else {
    await card.getByLabel(`Stage of ${name}`).selectOption("contacted");
    await card.getByRole("button", { name: "Move" }).click();
  }
  await expect(page.locator('section[data-stage="contacted"]').locator(`li[data-lead="${name}"]`)).toBeVisible();

  // Lost needs a reason.
  await ready(page, testInfo);
  const moved = page.locator(`li[data-lead="${name}"]`);
  await moved.getByLabel(`Stage of ${name}`).selectOption("lost");
  await moved.getByRole("button", { name: "Move" }).click();
  await expect(page.locator(`li[data-lead="${name}"]`).getByTestId("card-error")).toHaveText("Say why the lead was lost.");
  await ready(page, testInfo);
  const again = page.locator(`li[data-lead="${name}"]`);
  await again.getByLabel(`Stage of ${name}`).selectOption("lost");
  await again.getByLabel("Reason, if lost").fill("Chose a wholesaler");
  await again.getByRole("button", { name: "Move" }).click();
  const lost = page.locator('section[data-stage="lost"]').locator(`li[data-lead="${name}"]`);
  await expect(lost).toContainText("Lost: Chose a wholesaler");

  // The lead's page tells the story.
  await lost.getByRole("link", { name }).click();
  await ready(page, testInfo);
  await expect(page.getByTestId("lead-timeline")).toContainText("new → contacted");
  await expect(page.getByTestId("lead-timeline")).toContainText("contacted → lost: Chose a wholesaler");
  await page.getByLabel("What happened").selectOption("call");
  await page.getByLabel("Details").fill("Called; try again in March.");
  await page.getByRole("button", { name: "Add to timeline" }).click();
  await expect(page.getByTestId("lead-timeline")).toContainText("Called; try again in March.");
});

test("a consultation booked on the website reaches the board and its follow-up is due", async ({ page, browser }, testInfo) => {
  const name = `Meera Joshi ${testInfo.project.name} ${Date.now()}`;
  const visitor = await (await browser.newContext({ javaScriptEnabled: isHydrated(testInfo) })).newPage();
  await visitor.goto("/book-a-consultation");
  await ready(visitor, testInfo);
  await visitor.getByLabel("Your name").fill(name);
  await visitor.getByLabel("Email").fill(uniqueEmail(testInfo, "consult"));
  await visitor.getByRole("button", { name: "Book the consultation" }).click();
  await expect(visitor.locator("#preferred_date-error")).toContainText("Choose a day");
  await expect(visitor.getByLabel("Your name")).toHaveValue(name);
  const today = new Date(Date.now() + 5.5 * 3600_000).toISOString().slice(0, 10);
  await ready(visitor, testInfo);
  await visitor.getByLabel("Preferred day").fill(today);
  await visitor.getByLabel("What would you like to discuss?").fill("Diabetes care supplies");
  await visitor.getByRole("button", { name: "Book the consultation" }).click();
  await expect(visitor.getByRole("status")).toContainText("your consultation is booked");

  await asSales(page, testInfo);
  await page.goto("/crm");
  await expect(page.getByTestId("due-today")).toContainText(name);
  await expect(page.locator('section[data-stage="new"]')).toContainText(name);
});
