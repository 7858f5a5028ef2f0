// A browser frontend on another origin, in Debian's Chromium driven by playwright-core.
// frontend.html is served from two origins of this machine: ALLOWED_PORT, which the server
// lists in RAPPORT_CORS_ALLOWED_ORIGINS, and OTHER_PORT, which it does not. On the listed
// origin the page signs in, reads the agenda with expand=customer, opens a customer, reads its
// ETag, saves a change with If-Match (and sees a stale one refused with 412), and shows a
// validation error translated from its code. On the other origin the browser blocks the calls.
// It saves a screenshot of the first page (SCREENSHOT, default target/artifacts/frontend.png).
//
//   RAPPORT_URL=... RAPPORT_EMAIL=... RAPPORT_PASSWORD=... ALLOWED_PORT=18182 OTHER_PORT=18183 node frontend.mjs
import { mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const base = required("RAPPORT_URL");
const email = required("RAPPORT_EMAIL");
const password = required("RAPPORT_PASSWORD");
const allowedPort = Number(required("ALLOWED_PORT"));
const otherPort = Number(required("OTHER_PORT"));
const screenshot = process.env.SCREENSHOT ?? "target/artifacts/frontend.png";
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const page = readFileSync(fileURLToPath(new URL("frontend.html", import.meta.url)));

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function api(path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method: body ? "POST" : "GET",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

// Something on the agenda: a customer with a call due within the hour.
const { access_token: token } = await api("/api/v1/auth/token", null, { email, password });
const me = await api("/api/v1/me", token);
const customer = await api("/api/v1/customers", token, {
  name: "Grace Hopper",
  tier: "key",
  preferred_channel: "phone",
  owner_id: me.id,
});
await api("/api/v1/touchpoints", token, {
  customer_id: customer.id,
  due_at: new Date(Date.now() + 30 * 60 * 1000).toISOString(),
  channel: "phone",
  purpose: "usage_check",
  title: "Call Grace",
});

function serve(port) {
  const server = createServer((_, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(page);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

const servers = await Promise.all([serve(allowedPort), serve(otherPort)]);
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
});
try {
  const query = new URLSearchParams({ api: base, email, password }).toString();
  const open = async (port) => {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await tab.goto(`http://127.0.0.1:${port}/?${query}`);
    await tab.locator("body[data-done='1']").waitFor({ timeout: 20000 });
    return [tab, JSON.parse(await tab.locator("#result").innerText())];
  };

  const [tab, listed] = await open(allowedPort);
  mkdirSync(dirname(screenshot), { recursive: true });
  await tab.screenshot({ path: screenshot });
  if (!listed.ok) throw new Error(`the page on the listed origin failed: ${listed.failure}`);
  if (!listed.agenda.includes("Grace Hopper")) throw new Error(`the agenda lacks the customer: ${JSON.stringify(listed)}`);
  if (!/^"\d+"$/.test(listed.etag ?? "")) throw new Error(`the page could not read the ETag: ${listed.etag}`);
  if (listed.saved.status !== 200 || listed.saved.etag === listed.etag) throw new Error(`the save failed: ${JSON.stringify(listed.saved)}`);
  if (listed.stale !== 412) throw new Error(`a stale If-Match was answered ${listed.stale}`);
  if (listed.error.status !== 422 || listed.error.code !== "invalid_format" || listed.error.text !== "email: Ungültiges Format") {
    throw new Error(`the validation error was not translated: ${JSON.stringify(listed.error)}`);
  }
  console.log("ok  listed origin: signed in, agenda with customers, ETag read, saved with If-Match, 412 when stale");
  console.log(`ok  listed origin: the 422 was shown as "${listed.error.text}"`);

  const [, other] = await open(otherPort);
  if (other.ok || !/fetch/i.test(other.failure ?? "")) {
    throw new Error(`the browser did not block the origin not listed: ${JSON.stringify(other)}`);
  }
  console.log(`ok  origin not listed: the browser blocked the calls (${other.failure})`);
  console.log(`ok  screenshot: ${screenshot}`);
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
