// Swagger UI in a real browser: Debian's Chromium, driven by playwright-core, opens
// /swagger-ui/, runs "Try it out" on the customers list (401 without a token), authorises
// with a bearer token through the Authorize dialog, runs it again and expects a 200 whose body
// shows a customer made for the check.
// It saves a screenshot of the answer (SCREENSHOT, default target/artifacts/swagger-ui.png).
//
//   RAPPORT_URL=http://127.0.0.1:8080 RAPPORT_EMAIL=... RAPPORT_PASSWORD=... node swagger-ui.mjs
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import { chromium } from "playwright-core";

const base = required("RAPPORT_URL");
const screenshot = process.env.SCREENSHOT ?? "target/artifacts/swagger-ui.png";
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const operation = "#operations-customers-list_customers";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function api(path, init = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { "Content-Type": "application/json", ...(init.headers ?? {}) },
  });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

const { access_token: token } = await api("/api/v1/auth/token", {
  method: "POST",
  body: JSON.stringify({ email: required("RAPPORT_EMAIL"), password: required("RAPPORT_PASSWORD") }),
});
// The newest customer comes first in the list, so the one made here is on the first page.
const name = `Swagger Check ${randomUUID().slice(0, 8)}`;
await api("/api/v1/customers", {
  method: "POST",
  headers: { Authorization: `Bearer ${token}` },
  body: JSON.stringify({ name, tier: "key", tags: ["swagger-ui"] }),
});

const browser = await chromium.launch({
  executablePath,
  // As root in CI, and with no network beyond this machine: no sandbox, no background calls.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  const failures = [];
  page.on("pageerror", (err) => failures.push(err.message));

  await page.goto(`${base}/swagger-ui/`);
  await page.locator(".swagger-ui .info .title").filter({ hasText: "Rapport" }).waitFor();

  const op = page.locator(operation);
  const status = op.locator(".live-responses-table .response .response-col_status").first();
  await op.locator(".opblock-summary").first().click();
  await op.locator("button.try-out__btn").click();

  // Before authorising, the list is refused: the 200 below is the dialog's doing.
  await op.locator("button.execute").click();
  await status.waitFor();
  const refused = (await status.innerText()).trim();
  if (refused !== "401") throw new Error(`without a token, Try it out answered ${refused}, not 401`);
  console.log("ok  before authorising, Try it out is answered 401");

  await page.locator(".auth-wrapper button.authorize").click();
  const dialog = page.locator(".dialog-ux .modal-ux");
  await dialog.locator("input").first().fill(token);
  await dialog.locator("button.authorize").click();
  await dialog.locator("button.btn-done").click();

  await op.locator("button.execute").click();
  await op
    .locator(".live-responses-table .response .response-col_status")
    .filter({ hasNotText: "401" })
    .first()
    .waitFor({ timeout: 20000 });
  const code = (await status.innerText()).trim();
  const body = await op.locator(".live-responses-table .response-col_description pre").first().innerText();
  await op.locator(".live-responses-table").scrollIntoViewIfNeeded();
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: false });

  if (code !== "200") throw new Error(`Try it out answered ${code}: ${body.slice(0, 500)}`);
  if (!body.includes(name)) throw new Error(`the answer does not show ${name}: ${body.slice(0, 500)}`);
  if (failures.length > 0) throw new Error(`the page raised errors: ${failures.join("; ")}`);
  console.log(`ok  Swagger UI authorised and listed customers (HTTP ${code}, "${name}" shown)`);
  console.log(`ok  screenshot: ${screenshot}`);
} finally {
  await browser.close();
}
