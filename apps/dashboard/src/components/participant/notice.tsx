import type { ReactNode } from 'react';

interface NoticeProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly tone?: 'info' | 'done' | 'problem';
}

/**
 * Every dead end of the journey ends here: a title that says what happened and text that says
 * what to do next, never a code or a stack trace.
 */
export function Notice({ title, children, tone = 'info' }: NoticeProps) {
  return (
    <section className={`p-card notice notice-${tone}`} aria-labelledby="notice-title">
      <h1 id="notice-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}

export type NoticeKind =
  | 'no-session'
  | 'not-found'
  | 'not-running'
  | 'full'
  | 'closed'
  | 'invalid'
  | 'expired'
  | 'declined'
  | 'abandoned'
  | 'withdrawn'
  | 'busy'
  | 'unreachable';

const ASK = 'If you are in the lab, please ask the research assistant.';

const TEXTS: Readonly<Record<NoticeKind, { title: string; body: readonly string[]; tone: NoticeProps['tone'] }>> = {
  'no-session': {
    title: 'No study session on this phone',
    body: ['To take part, open the link you were given, scan the QR code, or enter your session code.'],
    tone: 'info',
  },
  'not-found': {
    title: 'We could not find this study',
    body: ['The link or code may be mistyped, or it has expired.', `Check it and try again. ${ASK}`],
    tone: 'problem',
  },
  invalid: {
    title: 'This link or code does not work',
    body: ['It may be incomplete or mistyped.', `Check it and try again. ${ASK}`],
    tone: 'problem',
  },
  'not-running': {
    title: 'This study is not open right now',
    body: [
      'It may be paused or already finished, so no one can join at the moment.',
      'Nothing was recorded about you. You can close this page.',
    ],
    tone: 'info',
  },
  full: {
    title: 'This session is already full',
    body: ['Every place in this conversation session has been taken.', `${ASK} You may get a new code or link.`],
    tone: 'info',
  },
  closed: {
    title: 'This session has ended',
    body: ['This conversation session is over, so it can no longer be joined.', ASK],
    tone: 'info',
  },
  expired: {
    title: 'This link has expired',
    body: ['Your place in the study could not be found any more.', `Open the link you were given again. ${ASK}`],
    tone: 'problem',
  },
  declined: {
    title: 'Thank you',
    body: ['You chose not to take part. Nothing else was stored about you.', 'You can close this page now.'],
    tone: 'done',
  },
  busy: {
    title: 'Many people are joining right now',
    body: ['Your link is fine, but this network has joined many times in the last minute.', 'Please wait a minute, then try again.'],
    tone: 'info',
  },
  withdrawn: {
    title: 'Your answers have been withdrawn',
    body: [
      'You withdrew from this study, so your answers were deleted and this phone no longer holds your place.',
      'Thank you for your time. You can close this page now.',
    ],
    tone: 'done',
  },
  abandoned: {
    title: 'This session was stopped',
    body: ['The research team ended this conversation session. Thank you for your time.', ASK],
    tone: 'info',
  },
  unreachable: {
    title: 'No connection to the study',
    body: [
      'Your phone cannot reach the study server right now. Your answers so far are kept on this phone.',
      'Check your Wi-Fi or mobile data, then try again.',
    ],
    tone: 'problem',
  },
};

/** A friendly page for a known dead end; `action` adds a button (try again, join a new session). */
export function KnownNotice({ kind, action }: { readonly kind: NoticeKind; readonly action?: ReactNode }) {
  const text = TEXTS[kind];
  return (
    <Notice title={text.title} tone={text.tone}>
      {text.body.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {kind === 'no-session' || kind === 'not-found' || kind === 'invalid' || kind === 'expired' ? (
        <p>
          <a href="/join">Enter a session code</a>
        </p>
      ) : null}
      {action}
    </Notice>
  );
}
