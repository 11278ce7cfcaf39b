'use client';

import { useActionState, useState } from 'react';
import { ROLES, type Role } from '@/lib/preview/team';
import { useFocusWhen } from '@/components/preview/use-focus-when';
import type { TeamState } from './actions';

type FormAction = (previous: TeamState, form: FormData) => Promise<TeamState>;
type ButtonAction = (previous: TeamState) => Promise<TeamState>;

const EMPTY: TeamState = { error: null, done: null };

function Outcome({ state }: { readonly state: TeamState }) {
  if (state.error)
    return (
      <p className="alert status-note" role="alert">
        {state.error}
      </p>
    );
  return state.done ? (
    <p className="success" role="status">
      {state.done}
    </p>
  ) : null;
}

function RoleOptions() {
  return (
    <>
      {ROLES.map((role) => (
        <option key={role.value} value={role.value}>
          {role.label}: {role.does}
        </option>
      ))}
    </>
  );
}

export function AddMemberForm({ action }: { readonly action: FormAction }) {
  const [state, run, pending] = useActionState(action, EMPTY);
  return (
    <form action={run} noValidate>
      <div className="team-form">
        <div className="field">
          <label htmlFor="member-email">Email</label>
          <input id="member-email" name="email" type="email" autoComplete="off" required />
        </div>
        <div className="field">
          <label htmlFor="member-role">Role</label>
          <select id="member-role" name="role" defaultValue="researcher">
            <RoleOptions />
          </select>
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Adding…' : 'Add to the team'}
        </button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

export function RoleForm({ action, email, role }: { readonly action: FormAction; readonly email: string; readonly role: Role }) {
  const [state, run, pending] = useActionState(action, EMPTY);
  const id = `role-${email}`;
  return (
    <form action={run}>
      <div className="inline-form">
        <label htmlFor={id} className="visually-hidden">
          Role of {email}
        </label>
        <select id={id} name="role" defaultValue={role}>
          {ROLES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="button button-secondary button-small"
          disabled={pending}
          aria-label={`Change the role of ${email}`}
        >
          Change
        </button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

/** Removing asks once; a refusal (the last owner) is shown where the owner clicked. */
export function RemoveMember({ action, email }: { readonly action: ButtonAction; readonly email: string }) {
  const [asking, setAsking] = useState(false);
  const [state, run, pending] = useActionState(action, EMPTY);
  const question = useFocusWhen<HTMLSpanElement>(asking);
  return (
    <div>
      {asking ? (
        <form action={run} onSubmit={() => setAsking(false)}>
          <div className="inline-form">
            <span ref={question} tabIndex={-1}>
              Remove {email} from this study?
            </span>
            <button type="submit" className="button button-small">
              Yes, remove
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={pending}
          onClick={() => setAsking(true)}
          aria-label={`Remove ${email}`}
        >
          {pending ? 'Removing…' : 'Remove…'}
        </button>
      )}
      <Outcome state={state} />
    </div>
  );
}
