// Numbers people read (analysis.md "Numbers people read"): means and SDs with 2 decimals, test
// statistics 2, p-values 3 decimals or "< .001", effect sizes 2 with the CI in brackets. A true
// minus sign and no leading zero for p, as APA style has it.

const MINUS = '\u2212';

function fixed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  // -0.00 is shown as 0.00: a sign on a rounded zero means nothing.
  return value < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/** A mean, SD, SE or CI limit: 2 decimals; an em dash when missing. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : fixed(value, digits);
}

/** p-values: "< .001", else 3 decimals without the leading zero ("p = .042"). */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p < 0.001) return '< .001';
  const text = p.toFixed(3);
  return text === '1.000' ? '1.000' : text.replace(/^0/, '');
}

/** An estimate with its 95 % CI: "0.42 [0.05, 0.79]". */
export function formatWithCi(estimate: number | null | undefined, low: number | null | undefined, high: number | null | undefined): string {
  if (estimate === null || estimate === undefined) return '—';
  return `${formatNumber(estimate)} [${formatNumber(low)}, ${formatNumber(high)}]`;
}

/** A share as a whole percentage: 0.875 → "88 %". */
export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)} %`;
}

/** A condition id ("phone=present|topic=casual") for people: "present × casual". */
export function conditionLabel(conditionId: string): string {
  return conditionId
    .split('|')
    .map((pair) => pair.split('=')[1] ?? pair)
    .join(' × ');
}
