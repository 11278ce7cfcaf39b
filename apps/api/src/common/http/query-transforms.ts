// Query strings arrive as text; these class-transformer steps give class-validator the types the
// options mean, and leave anything else as it was so that validation names the field.

/** 'true'/'false' become booleans; anything else stays and fails @IsBoolean. */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** '1,2' (or ?protocol=1&protocol=2) → [1, 2]; a non-number becomes NaN and fails @IsInt. */
export function toVersions({ value }: { value: unknown }): unknown {
  const parts = Array.isArray(value)
    ? value.flatMap((part: unknown) => String(part).split(','))
    : typeof value === 'string'
      ? value.split(',')
      : null;
  if (parts === null) return value;
  return parts.map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : Number.NaN));
}

/** '2' becomes 2; anything that is not digits stays and fails @IsInt. */
export function toInteger({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}
