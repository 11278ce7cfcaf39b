import { forwardToApi } from '@/lib/proxy/forward';

// Every call must reach the API at request time: nothing here may be prerendered or cached.
export const dynamic = 'force-dynamic';

export const GET = forwardToApi;
export const HEAD = forwardToApi;
export const POST = forwardToApi;
export const PUT = forwardToApi;
export const PATCH = forwardToApi;
export const DELETE = forwardToApi;
export const OPTIONS = forwardToApi;
