import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StudyNav } from '@/components/study-nav';
import { requireUser } from '@/lib/api/auth';
import { getStudy, listMembers, type Member } from '@/lib/api/study-team';
import { ROLES, roleLabel, sortMembers } from '@/lib/preview/team';
import { addMemberAction, changeRoleAction, removeMemberAction } from './actions';
import { AddMemberForm, RemoveMember, RoleForm } from './team-forms';
import '@/styles/preview.css';

export const metadata: Metadata = { title: 'Team' };

interface MemberRowProps {
  readonly studyId: string;
  readonly member: Member;
  readonly manage: boolean;
  readonly myEmail: string;
}

function MemberRow({ studyId, member, manage, myEmail }: MemberRowProps) {
  return (
    <tr data-testid="member">
      <td>
        {member.email}
        {member.email === myEmail ? ' (you)' : ''}
      </td>
      <td>
        {manage ? (
          <RoleForm action={changeRoleAction.bind(null, studyId, member.userId)} email={member.email} role={member.role} />
        ) : (
          roleLabel(member.role)
        )}
      </td>
      <td className="nowrap">{member.addedAt.slice(0, 10)}</td>
      {manage ? (
        <td>
          <RemoveMember action={removeMemberAction.bind(null, studyId, member.userId, member.email === myEmail)} email={member.email} />
        </td>
      ) : null}
    </tr>
  );
}

interface MembersProps {
  readonly studyId: string;
  readonly members: readonly Member[];
  readonly manage: boolean;
  readonly myEmail: string;
}

function MembersTable({ studyId, members, manage, myEmail }: MembersProps) {
  return (
    <div className="table-wrap" role="region" aria-labelledby="members-heading" tabIndex={0}>
      <table className="table" data-testid="members">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Added</th>
            {manage ? <th scope="col">Remove</th> : null}
          </tr>
        </thead>
        <tbody>
          {sortMembers(members).map((member) => (
            <MemberRow key={member.userId} studyId={studyId} member={member} manage={manage} myEmail={myEmail} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddMember({ studyId }: { readonly studyId: string }) {
  return (
    <section className="card builder-section" aria-labelledby="add-heading">
      <h2 id="add-heading">Add a member</h2>
      <p>They need an account on this Attune (an admin creates accounts). Adding someone who is already a member changes their role.</p>
      <AddMemberForm action={addMemberAction.bind(null, studyId)} />
    </section>
  );
}

/** Who works on the study and in which role; owners add, change and remove, everyone else reads. */
export default async function TeamPage({ params }: { readonly params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const [study, members, me] = await Promise.all([getStudy(studyId), listMembers(studyId), requireUser()]);
  if (!study.ok) {
    if (study.problem.status === 404 || study.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The study could not be loaded ({study.problem.title}).
      </p>
    );
  }
  const manage = study.data.role === 'owner';
  return (
    <>
      <h1>Team</h1>
      <StudyNav studyId={studyId} current="/team" study={study.data} />
      <p>
        {study.data.title}. {ROLES.map((role) => `${role.label}: ${role.does}`).join('; ')}. A study always keeps at least one owner.
      </p>
      <h2 id="members-heading">Members</h2>
      {members.ok ? (
        <MembersTable studyId={studyId} members={members.data} manage={manage} myEmail={me.email} />
      ) : (
        <p className="alert" role="alert">
          The team could not be loaded ({members.problem.title}).
        </p>
      )}
      {manage ? (
        <AddMember studyId={studyId} />
      ) : (
        <p className="builder-section">
          Only the study&apos;s owners can change the team (your role: {roleLabel(study.data.role).toLowerCase()}).
        </p>
      )}
    </>
  );
}
