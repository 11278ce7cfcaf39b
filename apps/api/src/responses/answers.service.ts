import { validateAnswers } from '@attune/survey';
import { Injectable } from '@nestjs/common';
import type { Participant } from '../sessions/participant.entity';
import { answerIssues } from './answer-rules';
import { PhaseAccess } from './phase-access';
import type { Phase } from './response.entity';
import { ResponseError } from './responses.errors';
import { ResponsesRepository } from './responses.repository';

export interface AnswerTarget {
  readonly phase: Phase;
  readonly instrumentId: string;
  readonly itemId: string;
}

export interface InstrumentAnswers {
  readonly id: string;
  readonly version: number;
  readonly answers: Record<string, unknown>;
  readonly submitted: boolean;
}

/** Item-by-item autosave while a phase is open, and reading one's own answers back to resume. */
@Injectable()
export class AnswersService {
  constructor(
    private readonly access: PhaseAccess,
    private readonly responses: ResponsesRepository,
  ) {}

  /** Idempotent: saving the same value twice leaves the same draft. A null clears the item. */
  async save(participant: Participant, target: AnswerTarget, value: unknown): Promise<string> {
    const { owner, instruments } = await this.access.open(participant, target.phase);
    const instrument = instruments.find((candidate) => candidate.id === target.instrumentId);
    if (!instrument) throw new ResponseError('INSTRUMENT_NOT_IN_PHASE');
    // Partial: REQUIRED waits for the final submit, every given value is checked now.
    const issues = validateAnswers(instrument, { [target.itemId]: value }, { partial: true });
    if (issues.length > 0) throw new ResponseError('INVALID_ANSWERS', { errors: answerIssues('answers', issues) });
    const saved = await this.responses.saveDraftAnswer({
      ...owner,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      itemId: target.itemId,
      value,
    });
    if (!saved) throw new ResponseError('PHASE_SUBMITTED');
    return target.itemId;
  }

  /** Only the caller's own rows: the participant id comes from the token, never from the request. */
  async list(participant: Participant, phase: Phase): Promise<InstrumentAnswers[]> {
    const [instruments, rows] = await Promise.all([
      this.access.instruments(participant, phase),
      this.responses.listAnswers(participant.id, phase),
    ]);
    const byInstrument = new Map(rows.map((row) => [row.instrumentId, row]));
    return instruments.map((instrument) => {
      const row = byInstrument.get(instrument.id);
      return {
        id: instrument.id,
        version: row?.instrumentVersion ?? instrument.version,
        answers: row?.answers ?? {},
        submitted: row?.submitted ?? false,
      };
    });
  }
}
