import net from "node:net";

export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", () =>
      reject(new Error(`Le port ${port} est déjà utilisé. Choisissez-en un autre : PORT=3001 npm start`)),
    );
    srv.listen(port, () => srv.close(() => resolve()));
  });
}

/** Resolves once the URL answers with any HTTP status. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} ne répond pas après ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}
