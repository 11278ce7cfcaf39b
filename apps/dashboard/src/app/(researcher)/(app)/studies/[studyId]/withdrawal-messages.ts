export interface WithdrawalFormState {
  readonly error?: string;
  readonly done?: string;
}

/** The API's reason codes (no free text, so the audit log holds no personal data). */
export const REASONS = [
  { value: 'asked_in_person', label: 'Asked in person' },
  { value: 'asked_by_email', label: 'Asked by email' },
  { value: 'asked_by_phone', label: 'Asked by phone' },
  { value: 'ethics_board', label: 'Ethics board request' },
  { value: 'other', label: 'Other' },
] as const;
