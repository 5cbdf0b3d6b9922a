/** A user of a running app, over its REST API. */
export interface ApiUser {
  baseUrl: string;
  token: string;
}

export async function signUp(baseUrl: string, label: string): Promise<ApiUser> {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const response = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "robust-password" }),
  });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return { baseUrl, token };
}

/** One authenticated JSON request; resolves with the status and body, rejects on no answer. */
export async function call(
  { baseUrl, token }: ApiUser,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function health(baseUrl: string): Promise<number> {
  return fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
    (response) => response.status,
    () => 0,
  );
}

/** Polls `check` every 250 ms until it returns true or `seconds` pass. */
export async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
