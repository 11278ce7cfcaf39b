import { createHash } from 'node:crypto';
import type { ExportFile } from './export-model';
import type { FrozenProtocol } from './protocols';

export function studySlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'study';
}

/** v1, or v1-2 for several versions; the hash is the protocol's, or a hash of the several hashes. */
function protocolTag(protocols: readonly FrozenProtocol[]): string {
  const versions = protocols.map((p) => p.version);
  const only = protocols.length === 1 ? protocols[0] : undefined;
  const hash = only
    ? only.hash
    : createHash('sha256')
        .update(protocols.map((p) => p.hash).join('\n'))
        .digest('hex');
  return `v${versions.join('-')}_${hash.slice(0, 8)}`;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/** <study-slug>_<file>_v<protocol>_<hash8>_<yyyymmdd>.<ext>: a downloaded file says what it is. */
export function exportFileName(
  title: string,
  protocols: readonly FrozenProtocol[],
  file: ExportFile | 'protocol.json' | 'README.txt',
  at: Date,
): string {
  const dot = file.lastIndexOf('.');
  const stem = file.slice(0, dot).replace('.', '_');
  return `${studySlug(title)}_${stem}_${protocolTag(protocols)}_${day(at)}${file.slice(dot)}`;
}

export const CONTENT_TYPES: Record<ExportFile, string> = {
  'wide.csv': 'text/csv; charset=utf-8; header=present',
  'long.csv': 'text/csv; charset=utf-8; header=present',
  'scores.csv': 'text/csv; charset=utf-8; header=present',
  'pairwise.csv': 'text/csv; charset=utf-8; header=present',
  'codebook.csv': 'text/csv; charset=utf-8; header=present',
  'codebook.json': 'application/json; charset=utf-8',
  'load.R': 'text/plain; charset=utf-8',
  'load.py': 'text/x-python; charset=utf-8',
  'load.sps': 'text/plain; charset=utf-8',
  'bundle.zip': 'application/zip',
};
