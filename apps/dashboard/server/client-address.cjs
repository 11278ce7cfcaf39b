'use strict';
// The client address the web app passes on to the API. A browser may send any X-Forwarded-For;
// only proxies this server was told to trust (WEB_TRUST_PROXY: a hop count, or addresses and CIDR
// ranges, as Express understands them) may add to it. Everything else is overwritten with the
// address of the socket this server accepted, so the API's per-address limits see real clients.
const { isIP } = require('node:net');
const proxyaddr = require('proxy-addr');

/** TRUST_PROXY as proxy-addr's trust function; empty means trust nobody (the socket decides). */
function compileTrust(value) {
  const text = (value ?? '').trim();
  if (text === '') return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, index) => index < hops;
  }
  return proxyaddr.compile(
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
}

/** The client's address for `req` under `trust`, or null when what the proxies sent is no IP address. */
function clientAddress(req, trust) {
  const address = proxyaddr(req, trust);
  return isIP(address) === 0 ? null : address;
}

module.exports = { clientAddress, compileTrust };
