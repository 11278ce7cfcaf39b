/**
 * Every audit action, named once, with the shape of its `data`. Identifiers, counts and codes:
 * never answers or tokens. audit/ sits below every feature, so the shapes use plain types
 * instead of importing the features' own.
 */

/** An event that records only that it happened. */
type Nothing = Readonly<Record<string, never>>;

type Id = string;

interface Accounts {
  'account.created': { readonly isAdmin: boolean };
  'auth.login': Nothing;
  'access_token.issued': Nothing;
  'access_token.revoked': Nothing;
}

interface Studies {
  /** From a template, or from another installation's protocol file. */
  'study.created': { readonly template: string } | { readonly importedDesignHash: string; readonly protocolVersion: number };
  'study.edit_refused': { readonly status: string };
  'study.design_edited': { readonly revision: number; readonly parts: readonly string[] };
  /** Launch freezes version 1; resume also writes study.launched, with no data. */
  'study.launched': { readonly version: number; readonly hash: string; readonly seedCommitment: string | null } | Nothing;
  'study.paused': Nothing;
  'study.closed': { readonly seedRevealed: true };
  'study.amended': { readonly version: number; readonly hash: string };
  'study.protocol_exported': { readonly version: number; readonly designHash: string };
  'study.member_set': { readonly role: string; readonly siteId?: Id | null };
  'study.member_removed': { readonly formerRole?: string };
  /** The answer to the owner is the same either way, so only the audit log knows. */
  'study.member_not_added': { readonly role: string; readonly reason: 'no_account' };
  'study.site_summary_exported': { readonly designHash: string; readonly scales: number };
  'study.site_summary_imported': { readonly label: string; readonly designHash: string };
  'study.site_summary_removed': Nothing;
  'study.original_effect_recorded': OriginalEffectData;
  'study.identifiers_deleted': { readonly retentionDays: number; readonly externalIds: number; readonly identifyingAnswers: number };
  'study.participant_data_purged': { readonly participants: number; readonly responses: number };
  'site.created': { readonly code: string };
  'site.updated': { readonly fields: readonly string[] };
  'export.download': ExportData;
  /** An export with participants' external ids: owners only. */
  'export.identified': ExportData;
}

/** The original study's effect a replication compares with: where it was published and its statistic. */
interface OriginalEffectData {
  readonly factorId: Id;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly scale: string;
  readonly [field: string]: unknown;
}

interface ExportData {
  readonly file: string;
  readonly fileName: string | undefined;
  readonly via: 'session' | 'token';
  readonly completed: boolean;
  readonly rows: Readonly<Record<string, number | undefined>>;
  readonly filter: {
    readonly protocol: readonly number[] | null;
    readonly includeIncomplete: boolean;
    readonly externalIds: boolean;
    readonly site: string | null;
  };
}

interface Sessions {
  'session.created': { readonly mode: 'lab' | 'online'; readonly size: number; readonly siteId: Id | null };
  'session.seat_link_reissued': { readonly seatNumber: number };
  'session.status_changed': { readonly from: string; readonly to: string };
  'session.conversation_started': Nothing;
  'session.dropout_recorded': { readonly status: string };
  'session.abandoned': { readonly from: string; readonly allocated: boolean };
  'session.observed_covariates_recorded': { readonly values: Readonly<Record<string, string>> };
  /** The audit trail is never shown to participants, so it may name the condition. */
  'session.allocated': { readonly conditionId: string; readonly stratum: string; readonly sequenceIndex: number };
}

interface Participants {
  'participant.joined': { readonly via: string; readonly sessionId: Id | null; readonly seatNumber: number | null };
  'participant.resumed': { readonly via: 'study_link' };
  'participant.seated': { readonly sessionId: Id; readonly seatNumber: number };
  'participant.consented': { readonly consentVersion: string; readonly consentHash: string; readonly sessionId: Id | null };
  'participant.declined': { readonly sessionId: Id | null };
  'participant.language_chosen': { readonly from: string | null; readonly to: string };
  'participant.covariates_answered': { readonly covariateIds: readonly string[] };
  'participant.instructions_confirmed': { readonly sessionId: Id };
  /** `rejoined`: they left to join again, as a new participant (participant.rejoined follows). */
  'participant.left': { readonly sessionId: Id | null; readonly allocated: boolean; readonly rejoined?: true };
  'participant.rejoined': { readonly fromParticipantId: Id; readonly fromSessionId: Id | null; readonly toParticipantId: Id };
  'participant.withdrawn': {
    readonly by: 'participant' | 'researcher';
    readonly reason: string;
    readonly participantRows: readonly Id[];
    readonly sessionIds: readonly Id[];
    readonly responsesDeleted: number;
  };
  'response.submitted': {
    readonly phase: string;
    readonly instruments: ReadonlyArray<{ readonly id: string; readonly version: number }>;
  };
}

export interface AuditCatalogue extends Accounts, Studies, Sessions, Participants {}

export type AuditAction = keyof AuditCatalogue;
export type AuditData<A extends AuditAction> = AuditCatalogue[A];

/** Events about one participant: `audit.participant(…)`. */
export type ParticipantAction = keyof Participants;
/** Events in one study, about the study or one of its parts (site, session, export…): `audit.study(…)`. */
export type StudyAction = keyof Studies | keyof Sessions;
/** Events about an account or its tokens, outside any study: `audit.account(…)`. */
export type AccountAction = keyof Accounts;
