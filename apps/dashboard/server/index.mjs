// The web app's server: Next's request handler behind a plain node:http server that sets
// X-Forwarded-For to the client address it determined itself (see client-address.cjs), so the
// /api proxy never passes on an address a browser made up. Run instead of `next start`.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import addresses from './client-address.cjs';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT || 3000);
// Every interface, IPv4 and IPv6, unless WEB_HOST narrows it: phones reach the lab's web app over
// the network, and browsers may try ::1 for localhost. (Not HOSTNAME: shells and Docker set it.)
const host = process.env.WEB_HOST || undefined;
const trust = addresses.compileTrust(process.env.WEB_TRUST_PROXY);

const app = next({ dev: false, dir, hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  const client = addresses.clientAddress(req, trust);
  if (client === null) {
    res
      .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
      .end('Bad request: the forwarded client address is not an IP address.\n');
    return;
  }
  req.headers['x-forwarded-for'] = client;
  void handle(req, res);
}).listen(port, host, () => {
  process.stdout.write(`web app listening on port ${port}\n`);
});
