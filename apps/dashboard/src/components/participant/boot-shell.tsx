import { KnownNotice } from './notice';

/**
 * What /p shows before the app knows whether this phone holds a participant. Both answers are in
 * the server's HTML and an inline check picks one before the first paint (see /p's page): a phone
 * without a session sees its notice at once, even with no JavaScript, and one with a session sees
 * "opening" until its state arrives. When the app then decides, React updates the same elements.
 */
export function BootShell() {
  return (
    <>
      <NoSessionNotice />
      <section className="p-card p-boot-loading" aria-busy="true">
        <h1>Opening your study session…</h1>
      </section>
    </>
  );
}

export function NoSessionNotice({ final = false }: { readonly final?: boolean }) {
  return (
    <div className="p-boot-none" data-final={final || undefined}>
      <KnownNotice kind="no-session" />
    </div>
  );
}
