// Generates the fuzz's malformed requests from apps/api/openapi.json, reproducibly from a seed.
// Each case is plain data ({ method, path, headers, body, ... }) so that the same cases run over
// fetch against a running instance (npm run fuzz) and against the in-process app (jest).
import { allPaths, closedObjects, operations, resolve, sample, setAt } from './fuzz-schema.mjs';

export const CALLERS = ['owner', 'researcher', 'analyst', 'stranger', 'none', 'participant'];

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, pick };
}

// Raw JSON that JSON.stringify cannot write: placeholders replaced after serialising.
const RAW = {
  '"@@DEEP@@"': `${'['.repeat(5000)}1${']'.repeat(5000)}`,
  '"@@INF@@"': '1e999',
  '"@@BIGINT@@"': '123456789012345678901234567890',
};
const STRING_SIZES = [0, 1, 255, 4096, 65_536, 1_048_576];
const HOSTILE = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '@@INF@@',
  '@@BIGINT@@',
  '@@DEEP@@',
  '',
  ' ',
  'x',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\ud83d\ude00',
  '../../etc/passwd',
  '%00',
  '<script>',
  "'; DROP TABLE study; --",
  [],
  [null],
  ['x'],
  {},
  { a: null },
  { en: 1 },
  { __proto__x: 1 },
];
const UNKNOWN_KEYS = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'zzUnknown', 'role', ''];
const BAD_SEGMENTS = [
  'x',
  '0',
  '-1',
  '1.5',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  '%00',
  '%ED%A0%80',
  '%FF',
  '..',
  '%2E%2E',
  '%2F',
  'a'.repeat(300),
  'null',
  'undefined',
  '%20',
  'NaN',
  '1e999',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/xml',
  'application/merge-patch+json',
  'application/problem+json',
];
const ENCODINGS = ['gzip', 'deflate', 'br', 'x-unknown', 'gzip, gzip'];

function hostileString(rng) {
  const size = rng.pick(STRING_SIZES);
  return rng.pick(['x', '\u0000', '\ud800', 'é', '\u202e']).repeat(size);
}

function serialize(body) {
  let text = JSON.stringify(body);
  if (text === undefined) return '';
  for (const [placeholder, raw] of Object.entries(RAW)) text = text.split(placeholder).join(raw);
  return text;
}

// Each mutation returns a partial request; `kind` names it in the report.
const BODY_MUTATIONS = {
  'top-level-type': (rng) => ({ body: rng.pick([[], 'text', 42, null, true, '@@DEEP@@']) }),
  'property-type': (rng, base) => ({ body: setAt(base, rng.pick(allPaths(base)), rng.pick(HOSTILE)) }),
  'missing-field': (rng, base) => {
    const paths = allPaths(base).filter((path) => path.length > 0);
    return { body: paths.length ? setAt(base, rng.pick(paths), undefined, true) : {} };
  },
  'unknown-field': (rng, base, op, doc) => {
    const closed = closedObjects(doc, base, op.bodySchema);
    if (closed.length === 0) return { body: base };
    return { body: setAt(base, [...rng.pick(closed), rng.pick(UNKNOWN_KEYS)], rng.pick(HOSTILE)), unknownField: true };
  },
  'string-size': (rng, base) => ({ body: setAt(base, rng.pick(allPaths(base)), hostileString(rng)) }),
  'nul-or-surrogate': (rng, base) => ({
    body: setAt(
      base,
      rng.pick(allPaths(base)),
      rng.pick(['\u0000', 'a\u0000', '\ud800', 'b\udfff', { 'k\u0000': 'v' }, { '\ud800': 'v' }]),
    ),
  }),
  'number-edge': (rng, base) => ({
    body: setAt(base, rng.pick(allPaths(base)), rng.pick([1e308, -1e308, 2 ** 31, 2 ** 53 + 1, 1.5, -1, 0, '@@INF@@', '@@BIGINT@@'])),
  }),
  'deep-nesting': (rng, base) => ({ body: setAt(base, rng.pick(allPaths(base)), '@@DEEP@@') }),
  'malformed-json': (rng, base) => {
    const text = serialize(base);
    return {
      raw: rng.pick(
        [text.slice(0, Math.max(1, Math.floor(text.length / 2))), `${text},`, `{${text}`, "{'a':1}", '', 'nul\u0000', '\ufeff{}'].concat(
          text ? [] : ['{'],
        ),
      ),
    };
  },
};

const REQUEST_MUTATIONS = {
  'bad-path-segment': (rng, base, op) =>
    op.pathParams.length
      ? { segment: { name: rng.pick(op.pathParams).name, value: rng.pick(BAD_SEGMENTS) }, body: base }
      : { body: base, extraPath: `/${rng.pick(BAD_SEGMENTS)}` },
  'bad-query': (rng, base, op) => {
    const name =
      op.queryParams.length && rng.next() < 0.8 ? rng.pick(op.queryParams).name : rng.pick(['zzUnknown', '__proto__', 'constructor']);
    const value = rng.pick([
      '',
      '%00',
      '%ED%A0%80',
      'x',
      '-1',
      '1e999',
      'NaN',
      '1,x',
      'true,false',
      encodeURIComponent('\ud83d\ude00'),
      'a'.repeat(5000),
    ]);
    return { body: base, query: `${encodeURIComponent(name)}=${value}&${encodeURIComponent(name)}=${value}` };
  },
  'content-type': (rng, base) => ({ raw: serialize(base), contentType: rng.pick(CONTENT_TYPES) }),
  'content-encoding': (rng, base) => ({ raw: serialize(base), encoding: rng.pick(ENCODINGS) }),
  oversized: (rng, _base, _op, _doc, limit) => ({ raw: `{"a":"${'x'.repeat(limit + 1 + Math.floor(rng.next() * 1024))}"}` }),
};

const BODY_KINDS = Object.keys(BODY_MUTATIONS);
const REQUEST_KINDS = Object.keys(REQUEST_MUTATIONS);

function pathFor(op, context, rng, segment) {
  return op.path.replace(/\{(\w+)\}/g, (_match, name) => {
    if (segment?.name === name) return segment.value;
    const param = op.pathParams.find((p) => p.name === name);
    const schema = param ? resolve({ components: { schemas: {} } }, param.schema) : {};
    const known = context.ids[name];
    if (Array.isArray(known)) return encodeURIComponent(rng.pick(known));
    return encodeURIComponent(known ?? schema.enum?.[0] ?? schema.example ?? 'x');
  });
}

function validQuery(op, doc) {
  const parts = op.queryParams.filter((p) => p.required).map((p) => `${p.name}=${encodeURIComponent(String(sample(doc, p.schema)))}`);
  return parts.join('&');
}

function baseBody(op, doc, context) {
  const known = context.bodies?.[op.key];
  if (known !== undefined) return structuredClone(known);
  return op.bodySchema ? sample(doc, op.bodySchema) : {};
}

function buildCase(index, op, caller, kind, rng, doc, context) {
  const base = baseBody(op, doc, context);
  const mutate = BODY_MUTATIONS[kind] ?? REQUEST_MUTATIONS[kind];
  const change = mutate(rng, base, op, doc, context.bodyLimitBytes);
  const query = change.query ?? validQuery(op, doc);
  const path = `${pathFor(op, context, rng, change.segment)}${change.extraPath ?? ''}${query ? `?${query}` : ''}`;
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  const body = !hasBody ? undefined : (change.raw ?? serialize(change.body));
  const headers = { ...(context.callers[caller] ?? {}) };
  if (hasBody) headers['content-type'] = change.contentType ?? 'application/json';
  if (hasBody && change.encoding) headers['content-encoding'] = change.encoding;
  return { id: index, op: op.key, caller, kind, method: op.method, path, headers, body, unknownField: change.unknownField === true };
}

/**
 * `count` cases, spread evenly over operations and callers; the mutation is drawn per case
 * (body mutations only where the operation takes a body). `context`: { callers: name → headers,
 * ids: path parameter → value(s), bodies: operation key → a valid body, bodyLimitBytes }.
 */
export function generateCases(doc, { seed, count, context }) {
  const rng = random(seed);
  const ops = operations(doc);
  const cases = [];
  for (let i = 0; i < count; i += 1) {
    const op = ops[i % ops.length];
    const caller = CALLERS[Math.floor(i / ops.length) % CALLERS.length];
    const kinds = op.bodySchema
      ? [...BODY_KINDS, ...REQUEST_KINDS]
      : op.method === 'GET' || op.method === 'DELETE'
        ? ['bad-path-segment', 'bad-query']
        : REQUEST_KINDS;
    cases.push(buildCase(i, op, caller, rng.pick(kinds), rng, doc, context));
  }
  return cases;
}
