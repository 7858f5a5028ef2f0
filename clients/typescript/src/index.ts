// A typed client for the Rapport API: `paths` and `components` come from
// openapi/openapi.json through openapi-typescript (`npm run generate`), and openapi-fetch
// checks every path, parameter and body against them at compile time.
import createClient, { type Client, type Middleware } from "openapi-fetch";

import type { components, paths } from "./schema.js";

export type { components, paths };
export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];
export type RapportClient = Client<paths>;

export interface ClientOptions {
  /** Where the service answers, e.g. `http://localhost:8080`. */
  baseUrl: string;
  /** A bearer token from `POST /api/v1/auth/token`; it can be set later with `useToken`. */
  token?: string;
}

/** A client whose requests carry the bearer token once one is set. */
export function createRapportClient(options: ClientOptions): {
  api: RapportClient;
  useToken(token: string): void;
} {
  let token = options.token;
  const auth: Middleware = {
    onRequest({ request }) {
      if (token !== undefined) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
  };
  const api = createClient<paths>({ baseUrl: options.baseUrl });
  api.use(auth);
  return {
    api,
    useToken(next: string) {
      token = next;
    },
  };
}

/** An error answer as a readable line: RFC 9457's title and detail, and the field errors. */
export function describeProblem(status: number, problem: Problem | undefined): string {
  if (problem === undefined) {
    return `HTTP ${status}`;
  }
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ");
  return `HTTP ${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}${fields ? ` (${fields})` : ""}`;
}
