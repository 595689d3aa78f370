import { useId } from 'react';

// Shown as a shell would need it, so it can be pasted into a terminal in the site's folder.
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

interface CommandPreviewProps {
  command: string[];
  processes: number;
  /** The form has changes the command does not show yet. */
  stale: boolean;
}

/** The exact command main writes into the unit, for the saved settings. */
export function CommandPreview({ command, processes, stale }: CommandPreviewProps) {
  const id = useId();
  const each = processes === 1 ? 'The process runs' : `Each of the ${processes} processes runs`;
  return (
    <figure className="command-preview" aria-labelledby={id}>
      <figcaption id={id} className="command-preview__caption">
        <span className="command-preview__title">Command</span>
        <span className="command-preview__note">
          {stale
            ? 'Saved settings: it changes when you save.'
            : `${each} this in the site’s folder.`}
        </span>
      </figcaption>
      <pre className="command-preview__text" data-testid="worker-command">
        {command.map(shellWord).join(' ')}
      </pre>
    </figure>
  );
}
