import type { NextConfig } from 'next';

/*
 * Headers that cost nothing and close common holes. The Content-Security-Policy, with its
 * per-request script nonce, comes from src/proxy.ts. HSTS is left to the TLS-terminating proxy,
 * since local installs serve plain http and HSTS there would lock the browser out.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), browsing-topics=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A second build directory lets two people (or helpers) run separate platforms from one checkout
  // without one's `next build` breaking the other's running server.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Inline the (small) stylesheet so the first paint does not wait for a CSS request: it moved the
  // participant page's largest paint from after the framework script to the first paint.
  experimental: { inlineCss: true },
  reactStrictMode: true,
  async headers() {
    // /api/* is the pass-through to the API, which sets its own headers; adding ours would double them.
    return [{ source: '/:path((?!api/).*)', headers: securityHeaders }];
  },
  async redirects() {
    return [{ source: '/', destination: '/studies', permanent: false }];
  },
};

export default nextConfig;
