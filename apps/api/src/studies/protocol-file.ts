import { canonicalJson, getInstrument, instrumentHash } from '@attune/survey';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { createHash } from 'node:crypto';
import type { FieldIssue } from '../common/errors/domain-error';
import { toFieldIssues } from '../common/errors/validation';
import type { StudyDesign } from './study-design';
import { StudyDesignDto, toDesign } from './study-design.dto';

export const PROTOCOL_FILE_FORMAT = 'attune.protocol-file.v1';

/**
 * A launched study's protocol as a file another installation can run: the frozen protocol's
 * canonical JSON, byte for byte, with its SHA-256 (so a changed byte is noticed) and its design hash.
 */
export interface ProtocolFile {
  readonly format: typeof PROTOCOL_FILE_FORMAT;
  readonly exportedAt: string;
  readonly protocol: string;
  readonly sha256: string;
  readonly designHash: string;
}

interface ProtocolDocument {
  readonly title: string;
  readonly version: number;
  readonly design: unknown;
  readonly conditions: unknown;
  readonly instruments: ReadonlyArray<{
    readonly phase: string;
    readonly id: string;
    readonly version: number;
    readonly hash: string | null;
  }>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * What one installation's protocol shares with another's copy of it: the design, its conditions
 * and the exact instrument texts (by hash). Not the study id, title, version, amendment reason or
 * seed commitment, which each installation has its own of. Two sites run the same protocol when
 * these hashes are equal.
 */
export function designHashOf(protocolJson: string): string {
  const document = JSON.parse(protocolJson) as ProtocolDocument;
  return sha256(canonicalJson({ design: document.design, conditions: document.conditions, instruments: document.instruments }));
}

export function protocolFile(protocolJson: string, exportedAt: Date): ProtocolFile {
  return {
    format: PROTOCOL_FILE_FORMAT,
    exportedAt: exportedAt.toISOString(),
    protocol: protocolJson,
    sha256: sha256(protocolJson),
    designHash: designHashOf(protocolJson),
  };
}

export interface ImportedProtocol {
  readonly title: string;
  readonly version: number;
  readonly design: StudyDesign;
  readonly designHash: string;
}

/** Problems that make a file unusable here: tampered bytes, a foreign format, instruments this installation has in other words. */
export function readProtocolFile(file: { format: string; protocol: string; sha256: string }): ImportedProtocol | FieldIssue[] {
  if (file.format !== PROTOCOL_FILE_FORMAT)
    return [{ path: 'file.format', code: 'UNKNOWN_FORMAT', message: `expected ${PROTOCOL_FILE_FORMAT}` }];
  if (sha256(file.protocol) !== file.sha256.toLowerCase())
    return [
      {
        path: 'file.sha256',
        code: 'HASH_MISMATCH',
        message: 'the protocol text does not have this SHA-256: the file was changed or damaged',
      },
    ];
  let document: ProtocolDocument;
  try {
    document = JSON.parse(file.protocol) as ProtocolDocument;
  } catch {
    return [{ path: 'file.protocol', code: 'MALFORMED_JSON', message: 'is not JSON' }];
  }
  const shape = validateSync(plainToInstance(StudyDesignDto, document.design ?? {}), { whitelist: true, forbidNonWhitelisted: true });
  if (shape.length) return toFieldIssues(shape).map((issue) => ({ ...issue, path: `file.protocol.design.${issue.path}` }));
  const instruments = instrumentProblems(document.instruments);
  if (instruments.length) return instruments;
  const design = toDesign(plainToInstance(StudyDesignDto, document.design));
  return {
    title: String(document.title ?? 'Imported study'),
    version: Number(document.version),
    design,
    designHash: designHashOf(file.protocol),
  };
}

/** Every instrument must exist here with exactly the same items and texts (same hash), or the sites would not ask the same questions. */
function instrumentProblems(refs: ProtocolDocument['instruments'] | undefined): FieldIssue[] {
  if (!Array.isArray(refs)) return [{ path: 'file.protocol.instruments', code: 'REQUIRED', message: 'the protocol lists no instruments' }];
  return refs.flatMap((ref, index) => {
    const instrument = getInstrument(ref.id, ref.version);
    if (!instrument)
      return [
        {
          path: `file.protocol.instruments[${index}]`,
          code: 'UNKNOWN_INSTRUMENT',
          message: `this installation has no ${ref.id} version ${ref.version}`,
        },
      ];
    if (instrumentHash(instrument) !== ref.hash)
      return [
        {
          path: `file.protocol.instruments[${index}]`,
          code: 'INSTRUMENT_MISMATCH',
          message: `${ref.id} version ${ref.version} differs here from the exporting installation's`,
        },
      ];
    return [];
  });
}
