/** The parts of one Set-Cookie header the dashboard re-issues; see RFC 6265 section 5.2. */
export interface ParsedSetCookie {
  readonly name: string;
  readonly value: string;
  readonly path?: string;
  readonly expires?: Date;
  readonly maxAge?: number;
  readonly httpOnly: boolean;
  readonly sameSite?: 'lax' | 'strict' | 'none';
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function sameSiteOf(value: string): ParsedSetCookie['sameSite'] {
  const lower = value.toLowerCase();
  return lower === 'lax' || lower === 'strict' || lower === 'none' ? lower : undefined;
}

type Attributes = Omit<ParsedSetCookie, 'name' | 'value'>;

function applyAttribute(into: { -readonly [K in keyof Attributes]: Attributes[K] }, key: string, value: string): void {
  switch (key) {
    case 'path':
      into.path = value;
      break;
    case 'httponly':
      into.httpOnly = true;
      break;
    case 'samesite':
      into.sameSite = sameSiteOf(value);
      break;
    case 'max-age':
      if (/^-?\d+$/.test(value)) into.maxAge = Number(value);
      break;
    case 'expires': {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) into.expires = date;
      break;
    }
    default:
      break;
  }
}

/**
 * Parses one Set-Cookie header value. The value is URL-decoded because Next's cookie store encodes
 * it again on the way out; Domain and Secure are dropped on purpose, since the cookie now belongs
 * to the dashboard's origin and its scheme, not the API's.
 */
export function parseSetCookie(header: string): ParsedSetCookie | null {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const parsed: { -readonly [K in keyof Attributes]: Attributes[K] } = { httpOnly: false };
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    applyAttribute(parsed, key, at === -1 ? '' : attribute.slice(at + 1).trim());
  }
  return { name: pair.slice(0, eq).trim(), value: decode(pair.slice(eq + 1).trim()), ...parsed };
}
