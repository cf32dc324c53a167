const { chromium } = require('@playwright/test');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i += 2) {
    await page.goto('http://127.0.0.1:3200' + args[i]);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: args[i+1] });
  }
  await browser.close();
})();
