// The README's tour through the typed client: sign in, create a customer, log a purchase and a
// call, and read the agenda the purchase filled. Every request and answer is checked against
// the OpenAPI document at compile time; at run time the tour stops with a non-zero exit status
// when the service answers anything other than what the tour expects.
//
//   RAPPORT_URL=http://127.0.0.1:8080 RAPPORT_EMAIL=admin@example.com \
//   RAPPORT_PASSWORD=... npm run tour
import { randomUUID } from "node:crypto";

import { createRapportClient, describeProblem, type Problem } from "./index.js";

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set`);
  }
  return value;
}

/** The body of a successful answer, or an error naming the step and the problem. */
function expectOk<T>(
  step: string,
  result: { data?: T; error?: Problem | unknown; response: Response },
): T {
  if (result.data === undefined) {
    const problem = result.error as Problem | undefined;
    throw new Error(`${step}: ${describeProblem(result.response.status, problem)}`);
  }
  console.log(`ok  ${step} (${result.response.status})`);
  return result.data;
}

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`unexpected: ${what}`);
  }
  console.log(`ok  ${what}`);
}

async function tour(): Promise<void> {
  const { api, useToken } = createRapportClient({ baseUrl: setting("RAPPORT_URL") });

  const token = expectOk(
    "sign in",
    await api.POST("/api/v1/auth/token", {
      body: { email: setting("RAPPORT_EMAIL"), password: setting("RAPPORT_PASSWORD") },
    }),
  );
  useToken(token.access_token);
  const me = expectOk("who am I", await api.GET("/api/v1/me"));

  const run = randomUUID();
  const customer = expectOk(
    "create a customer",
    await api.POST("/api/v1/customers", {
      params: { header: { "Idempotency-Key": `tour-${run}` } },
      body: {
        name: "Ada Lovelace",
        email: `ada+${run}@example.com`,
        tier: "important",
        timezone: "Europe/London",
        tags: ["vip", "tour"],
      },
    }),
  );
  check(customer.owner_id === me.id, "the new customer is owned by its creator");

  const purchase = expectOk(
    "log a purchase",
    await api.POST("/api/v1/customers/{id}/purchases", {
      params: { path: { id: customer.id } },
      body: { amount_minor: 129900, currency: "EUR", description: "Annual licence" },
    }),
  );
  check(purchase.customer_id === customer.id, "the purchase belongs to the customer");

  const call = expectOk(
    "log a call",
    await api.POST("/api/v1/interactions", {
      body: {
        customer_id: customer.id,
        channel: "phone",
        direction: "outbound",
        subject: "Welcome call",
        outcome: "positive",
        satisfaction: 5,
      },
    }),
  );

  const after = expectOk(
    "read the customer back",
    await api.GET("/api/v1/customers/{id}", { params: { path: { id: customer.id } } }),
  );
  check(after.purchase_count === 1, "purchase_count counts the purchase");
  check(after.lifetime_value_minor === 129900, "lifetime_value_minor adds it up");
  check(after.last_contacted_at === call.occurred_at, "last_contacted_at follows the call");

  const agenda = expectOk(
    "read the agenda",
    await api.GET("/api/v1/agenda", { params: { query: { days: 7, tz: "Europe/Berlin" } } }),
  );
  const ours = [...agenda.overdue, ...agenda.days.flatMap((day) => day.items)].filter(
    (touchpoint) => touchpoint.customer_id === customer.id,
  );
  check(
    ours.some((touchpoint) => touchpoint.purpose === "thank_you"),
    "the purchase put a thank-you on this week's agenda",
  );
  for (const day of agenda.days) {
    for (const item of day.items.filter((t) => t.customer_id === customer.id)) {
      console.log(`    ${day.date}  ${item.channel.padEnd(6)} ${item.title}`);
    }
  }

  const missing = await api.GET("/api/v1/customers/{id}", {
    params: { path: { id: randomUUID() } },
  });
  check(
    missing.response.status === 404 && missing.error?.status === 404,
    "an unknown customer is a 404 problem document",
  );
}

tour().then(
  () => console.log("tour complete"),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
