import { usePending } from './use-pending';

/** A language's own name ("Deutsch", "Français"), from the browser: no table shipped with the page. */
function ownName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** Shown before consent when the study runs in several languages; the choice is the participant's language. */
export function LanguagePicker({
  languages,
  current,
  onChoose,
}: {
  readonly languages: readonly string[];
  readonly current: string;
  readonly onChoose: (language: string) => Promise<unknown>;
}) {
  const [pending, run] = usePending();
  return (
    <div className="field language-picker">
      <label htmlFor="language">Language</label>
      <select
        id="language"
        value={current}
        disabled={pending}
        onChange={(event) => {
          const language = event.currentTarget.value;
          void run(async () => {
            await onChoose(language);
          });
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {ownName(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
