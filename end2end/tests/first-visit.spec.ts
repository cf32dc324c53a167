import { expect, test } from "@playwright/test";
import { failOnBrowserErrors, isHydrated } from "./helpers";

failOnBrowserErrors();

// The storefront's pages are read on phones over slow links: a first visit
// (nothing cached) stays small. The targets are those of bench/run; the
// browser tests run a release build, so the sizes here are what shoppers get.
const PAGES = ["/", "/c/staples", "/p/tata-sampann-toor-dal-1-kg", "/search?q=basmti", "/partners"];
const ALL_BYTES = 200 * 1024;
const SCRIPT_BYTES = 100 * 1024;

test("a first visit to each storefront page transfers at most 200 KB, of which scripts at most 100 KB", async ({ browser }, testInfo) => {
  for (const path of PAGES) {
    const context = await browser.newContext({ javaScriptEnabled: isHydrated(testInfo) });
    const page = await context.newPage();
    let all = 0;
    let scripts = 0;
    const sizes: Promise<void>[] = [];
    page.on("requestfinished", (request) => {
      sizes.push(
        request.sizes().then((s) => {
          const bytes = s.responseBodySize + s.responseHeadersSize;
          all += bytes;
          if (/\.(wasm|js)$/.test(new URL(request.url()).pathname)) scripts += bytes;
        }),
      );
    });
    await page.goto(path);
    if (isHydrated(testInfo)) {
      await page.waitForFunction(() => (window as any).__haat_hydrated === true);
    }
    await page.waitForLoadState("networkidle");
    await Promise.all(sizes);
    testInfo.annotations.push({ type: "first visit", description: `${path}: ${all} bytes, scripts ${scripts}` });
    expect(all, `${path}: everything`).toBeLessThanOrEqual(ALL_BYTES);
    expect(scripts, `${path}: wasm and JS`).toBeLessThanOrEqual(SCRIPT_BYTES);
    if (isHydrated(testInfo)) expect(scripts, `${path}: the islands were loaded`).toBeGreaterThan(0);
    await context.close();
  }
});
