// Reads apps/api/openapi.json for the fuzz: the operations, a plausible value for each schema, and
// which objects in a body are closed (declared properties only), so that an unknown key there must
// be refused. Pure functions; no I/O, no import.meta (jest loads this file through swc as CJS).

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function resolve(doc, schema) {
  let current = schema ?? {};
  while (current.$ref) current = doc.components.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
  return current;
}

/** Every operation, as `{ key, method, path, pathParams, queryParams, bodySchema }`. */
export function operations(doc) {
  const list = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      list.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        bodySchema: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return list.sort((a, b) => a.key.localeCompare(b.key));
}

function sampleObject(doc, schema, depth) {
  const out = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) out[name] = sample(doc, property, depth + 1);
  if (!schema.properties && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.key = sample(doc, schema.additionalProperties, depth + 1);
  }
  return out;
}

/** A plausible value: the schema's example where it gives one, else the simplest of its type. */
export function sample(doc, raw, depth = 0) {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf) return sample(doc, schema.oneOf[0], depth);
  if (depth > 8) return null;
  switch (schema.type) {
    case 'object':
      return sampleObject(doc, schema, depth);
    case 'array':
      return [sample(doc, schema.items, depth + 1)];
    case 'integer':
      return schema.minimum ?? 1;
    case 'number':
      return schema.minimum ?? 0.5;
    case 'boolean':
      return true;
    case 'string':
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'text';
    default:
      return schema.properties ? sampleObject(doc, schema, depth) : 'text';
  }
}

/**
 * Paths (arrays of keys) of the objects in `value` whose schema declares its properties and allows
 * no others: an unknown key added there must be refused with a 4xx.
 */
export function closedObjects(doc, value, raw, at = [], out = []) {
  const schema = resolve(doc, raw);
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, index) => closedObjects(doc, item, schema.items, [...at, index], out));
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  if (schema.properties && !schema.additionalProperties) {
    out.push(at);
    for (const [name, property] of Object.entries(schema.properties)) {
      if (name in value) closedObjects(doc, value[name], property, [...at, name], out);
    }
  }
  return out;
}

/** Every path into `value` (root included), for choosing where a mutation lands. */
export function allPaths(value, at = [], out = []) {
  out.push(at);
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) allPaths(child, [...at, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

/** A copy of `root` with the value at `path` replaced (or removed, for `remove`). */
export function setAt(root, path, replace, remove = false) {
  if (path.length === 0) return replace;
  const copy = structuredClone(root);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1];
  if (remove && Array.isArray(node)) node.splice(last, 1);
  else if (remove) delete node[last];
  else Object.defineProperty(node, last, { value: replace, enumerable: true, writable: true, configurable: true });
  return copy;
}
