import type { ResultsOptions } from '@/lib/api/analysis';

type Search = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The page's URL options, kept only when the API would accept them (a bad link shows the defaults). */
export function resultsOptions(search: Search): ResultsOptions {
  const protocol = one(search['protocol']);
  const includeIncomplete = one(search['includeIncomplete']);
  const perProtocol = one(search['perProtocol']);
  const minMembers = one(search['minMembers']);
  return {
    ...(protocol && /^\d{1,4}(,\d{1,4}){0,19}$/.test(protocol) ? { protocol } : {}),
    ...(includeIncomplete === 'false' ? { includeIncomplete: false } : {}),
    ...(perProtocol === 'true' ? { perProtocol: true } : {}),
    ...(minMembers === '2' || minMembers === '3' ? { minMembers: Number(minMembers) } : {}),
  };
}
