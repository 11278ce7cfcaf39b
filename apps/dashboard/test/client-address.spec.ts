import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { clientAddress, compileTrust } = require('../server/client-address.cjs') as {
  clientAddress(req: IncomingMessage, trust: unknown): string | null;
  compileTrust(value: string | undefined): unknown;
};

/** A real HTTP server answering with the address the web app would pass on to the API. */
async function serve(trustProxy: string | undefined): Promise<{ url: string; server: Server }> {
  const trust = compileTrust(trustProxy);
  const server = createServer((req, res) => res.end(String(clientAddress(req, trust))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function seen(url: string, forwardedFor?: string): Promise<string> {
  const res = await fetch(url, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  return res.text();
}

describe('the web app decides the client address itself', () => {
  it("trusts nobody by default: a browser's X-Forwarded-For is replaced by the socket's address", async () => {
    const { url, server } = await serve(undefined);
    try {
      expect(await seen(url)).toBe('127.0.0.1');
      expect(await seen(url, '203.0.113.9')).toBe('127.0.0.1');
      expect(await seen(url, 'not-an-ip')).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });

  it('behind a trusted proxy (WEB_TRUST_PROXY=loopback or 1 hop) takes the address that proxy saw, and refuses one that is no IP', async () => {
    for (const trust of ['loopback', '1', '127.0.0.1/8']) {
      const { url, server } = await serve(trust);
      try {
        expect(await seen(url, '198.51.100.4, 203.0.113.9')).toBe('203.0.113.9');
        expect(await seen(url, 'not-an-ip')).toBe('null');
      } finally {
        server.close();
      }
    }
  });
});
