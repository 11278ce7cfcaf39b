import {
  checkKeys,
  checkPattern,
  checkText,
  checkUnique,
  ID_PATTERN,
  isRecord,
  own,
  report,
  show,
  type CheckContext,
} from './check-basics';
import { isScoredItem, itemBounds } from './item-rules';
import type { Item } from './types';

const SCALE_KEYS = ['id', 'label', 'items', 'method', 'minAnswered'];

/**
 * Checks one scale against the (already checked) items. Scale members must be numeric-scored
 * items that share their declared bounds: a mean of a 0–4 and a 1–7 item has no clear meaning,
 * and shared bounds make the scale's own bounds (and prorating) exact.
 */
export function checkScale(context: CheckContext, scale: unknown, path: string, items: ReadonlyMap<string, Item>): void {
  if (!isRecord(scale)) {
    report(context, path, 'must be an object');
    return;
  }
  checkKeys(context, scale, SCALE_KEYS, path);
  checkPattern(context, own(scale, 'id'), ID_PATTERN, `${path}.id`);
  checkText(context, own(scale, 'label'), `${path}.label`);
  const method = own(scale, 'method');
  if (method !== 'mean' && method !== 'sum') {
    report(context, `${path}.method`, 'must be "mean" or "sum"');
  }
  const share = own(scale, 'minAnswered');
  if (typeof share !== 'number' || !(share > 0 && share <= 1)) {
    report(context, `${path}.minAnswered`, 'must be a share of items, 0 < share ≤ 1');
  }
  checkMembers(context, own(scale, 'items'), `${path}.items`, items);
}

function checkMembers(context: CheckContext, members: unknown, path: string, items: ReadonlyMap<string, Item>): void {
  if (!Array.isArray(members) || members.length === 0) {
    report(context, path, 'must be a non-empty list of item ids');
    return;
  }
  checkUnique(context, members, (index) => `${path}[${index}]`, 'item');
  const boundsKeys: string[] = [];
  members.forEach((id: unknown, index) => {
    const item = typeof id === 'string' ? items.get(id) : undefined;
    if (item === undefined) {
      report(context, `${path}[${index}]`, `unknown item ${show(id)}`);
    } else if (!isScoredItem(item)) {
      report(context, `${path}[${index}]`, `a ${item.kind} item cannot be scored`);
    } else {
      const bounds = itemBounds(item);
      const key = `${String(bounds.min)}..${String(bounds.max)}`;
      const first = boundsKeys[0] ?? key;
      boundsKeys.push(key);
      if (key !== first) {
        report(context, `${path}[${String(index)}]`, `bounds ${key} differ from the scale's ${first}`);
      }
    }
  });
}
