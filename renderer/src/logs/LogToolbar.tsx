import { useId } from 'react';
import { SearchIcon, CloseIcon } from '../ui/icons';
import { FILTER_KINDS, KIND_LABELS } from './logKinds';
import { CopyIcon, FollowIcon, OpenFileIcon, PauseIcon } from './logIcons';
import { useLogViewStore } from './logViewStore';

interface LogToolbarProps {
  onCopy: () => void;
  onOpenFile: () => void;
  opening: boolean;
}

/** Filter by text and kind, follow or pause, copy, open the file. */
export function LogToolbar({ onCopy, onOpenFile, opening }: LogToolbarProps) {
  const filter = useLogViewStore((s) => s.filter);
  const following = useLogViewStore((s) => s.following);
  const setFilterText = useLogViewStore((s) => s.setFilterText);
  const toggleKind = useLogViewStore((s) => s.toggleKind);
  const pause = useLogViewStore((s) => s.pause);
  const follow = useLogViewStore((s) => s.follow);
  const filterId = useId();

  return (
    <div className="log-toolbar">
      <div className="log-filter">
        <SearchIcon className="icon log-filter__icon" />
        <label htmlFor={filterId} className="visually-hidden">
          Filter lines
        </label>
        <input
          id={filterId}
          type="search"
          className="log-filter__input"
          placeholder="Filter lines"
          autoComplete="off"
          spellCheck={false}
          value={filter.text}
          onChange={(event) => setFilterText(event.target.value)}
          onKeyDown={(event) => {
            // Escape clears a filter first; only an empty box lets it close the dialog.
            if (event.key === 'Escape' && filter.text !== '') {
              event.stopPropagation();
              setFilterText('');
            }
          }}
        />
        {filter.text !== '' ? (
          <button
            type="button"
            className="icon-button log-filter__clear"
            aria-label="Clear the filter"
            onClick={() => setFilterText('')}
          >
            <CloseIcon className="icon" />
          </button>
        ) : null}
      </div>

      <div className="log-kinds" role="group" aria-label="Show only">
        {FILTER_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`log-kinds__option log-kinds__option--${kind}`}
            aria-pressed={filter.kinds.includes(kind)}
            onClick={() => toggleKind(kind)}
          >
            <span className="log-kinds__dot" aria-hidden="true" />
            {KIND_LABELS[kind]}
          </button>
        ))}
      </div>

      <div className="log-toolbar__actions">
        {following ? (
          <button type="button" className="button button--secondary button--small" onClick={pause}>
            <PauseIcon className="icon" />
            Pause
          </button>
        ) : (
          <button type="button" className="button button--primary button--small" onClick={follow}>
            <FollowIcon className="icon" />
            Follow
          </button>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          title="Copy the selected text, or every line the filter shows"
          onClick={onCopy}
        >
          <CopyIcon className="icon" />
          Copy
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          title="Open the log file in your default app"
          disabled={opening}
          aria-busy={opening || undefined}
          onClick={onOpenFile}
        >
          <OpenFileIcon className="icon" />
          Open file
        </button>
      </div>
    </div>
  );
}
