import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { ErrorView } from '../../../main/ipc/contract';
import { callSafely } from '../api/callSafely';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { ModalDialog } from '../ui/ModalDialog';
import { Spinner } from '../ui/Spinner';
import { linesAsText, selectedTextIn, writeClipboard } from './copyLines';
import { isFiltering, MAX_LOG_ENTRIES, type LogEntry } from './logBuffer';
import { followWorkerLog } from './logFollowSession';
import { FollowIcon } from './logIcons';
import { LogLineRow } from './LogLineRow';
import { LogToolbar } from './LogToolbar';
import { newLinesWhilePaused, useLogViewStore } from './logViewStore';
import { VirtualList } from './VirtualList';
import './logs.css';

/** Rows are one line each, this tall: the list computes positions instead of measuring. */
export const LOG_ROW_HEIGHT = 20;

/** What Copy or Open file did: a sentence, or a failure with its reason. */
type Notice = { text: string } | { title: string; error: ErrorView | string };

const count = new Intl.NumberFormat('en-US');

/** A worker's log, following live; from the row's "Logs". */
export function LogDialog() {
  const target = useLogViewStore((s) => s.target);
  const worker = useLogViewStore((s) => s.worker);
  return target && worker ? (
    <LogDialogContent
      siteId={target.siteId}
      siteName={target.siteName}
      workers={target.workers}
      worker={worker}
    />
  ) : null;
}

function LogDialogContent({
  siteId,
  siteName,
  workers,
  worker,
}: {
  siteId: string;
  siteName: string;
  workers: string[];
  worker: string;
}) {
  const close = useLogViewStore((s) => s.close);
  const selectWorker = useLogViewStore((s) => s.selectWorker);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [opening, setOpening] = useState(false);
  const workerId = useId();
  const viewport = useRef<HTMLDivElement>(null);

  // Follow while the view shows this worker; closing or switching unfollows in main.
  useEffect(() => {
    const store = useLogViewStore.getState();
    return followWorkerLog(siteId, worker, {
      onStarted: (read) => store.started(read),
      onLines: (lines) => store.receive(lines),
      onError: (error) => store.failed(error),
    });
  }, [siteId, worker, attempt]);

  async function copy() {
    const { shown, multiInstance } = useLogViewStore.getState();
    const selected = selectedTextIn(viewport.current);
    if (selected === null && shown.length === 0) {
      setNotice({ text: 'Nothing to copy: no line is shown.' });
      return;
    }
    const result = await writeClipboard(selected ?? linesAsText(shown, multiInstance));
    if (!result.ok) {
      setNotice({ title: 'Nothing was copied', error: result.reason });
    } else if (selected !== null) {
      setNotice({ text: 'Copied the selected text.' });
    } else {
      setNotice({
        text: `Copied ${count.format(shown.length)} ${shown.length === 1 ? 'line' : 'lines'}.`,
      });
    }
  }

  async function openFile() {
    setOpening(true);
    const result = await callSafely((api) => api.openLog(siteId, worker));
    setOpening(false);
    setNotice(
      result.ok
        ? { text: `Opened ${result.value.opened} in your default app.` }
        : { title: 'The log file was not opened', error: result.error },
    );
  }

  return (
    <ModalDialog
      title={<>Logs · {siteName}</>}
      closeLabel="Close logs"
      onClose={close}
      className="log-view"
      headerClassName="log-view__header"
      closeClassName="log-view__close"
      headerExtra={
        workers.length > 1 ? (
          <div className="log-view__worker">
            <label htmlFor={workerId}>Worker</label>
            <select
              id={workerId}
              className="log-view__worker-select"
              value={worker}
              onChange={(event) => {
                setNotice(null);
                selectWorker(event.target.value);
              }}
            >
              {workers.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <span className="log-view__worker-name">
            worker <span className="log-view__mono">{worker}</span>
          </span>
        )
      }
    >
      <LogToolbar onCopy={() => void copy()} onOpenFile={() => void openFile()} opening={opening} />

      {notice ? (
        'error' in notice ? (
          <div className="log-view__notice">
            <ErrorNotice
              title={notice.title}
              error={
                typeof notice.error === 'string'
                  ? { code: 'INTERNAL', message: notice.error }
                  : notice.error
              }
              onDismiss={() => setNotice(null)}
            />
          </div>
        ) : null
      ) : null}
      <p role="status" className="visually-hidden">
        {notice && 'text' in notice ? notice.text : ''}
      </p>

      <LogBody worker={worker} viewport={viewport} onRetry={() => setAttempt((n) => n + 1)} />

      <LogStatusLine notice={notice && 'text' in notice ? notice.text : null} />
    </ModalDialog>
  );
}

function LogBody({
  worker,
  viewport,
  onRetry,
}: {
  worker: string;
  viewport: RefObject<HTMLDivElement | null>;
  onRetry: () => void;
}) {
  const phase = useLogViewStore((s) => s.phase);
  const error = useLogViewStore((s) => s.error);
  const shown = useLogViewStore((s) => s.shown);
  const entries = useLogViewStore((s) => s.entries.length);
  const following = useLogViewStore((s) => s.following);
  const shownDropped = useLogViewStore((s) => s.shownDropped);
  const shownVersion = useLogViewStore((s) => s.shownVersion);
  const multiInstance = useLogViewStore((s) => s.multiInstance);
  const filtering = useLogViewStore((s) => isFiltering(s.filter));
  const newLines = useLogViewStore(newLinesWhilePaused);
  const pause = useLogViewStore((s) => s.pause);
  const follow = useLogViewStore((s) => s.follow);
  const clearFilter = useLogViewStore((s) => s.clearFilter);

  if (phase === 'error' && error) {
    return (
      <div className="log-view__placeholder">
        <ErrorNotice title="The log cannot be shown" error={error}>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onRetry}
          >
            Retry
          </button>
        </ErrorNotice>
      </div>
    );
  }
  if (phase === 'starting') {
    return (
      <p className="log-view__placeholder log-view__placeholder--quiet" role="status">
        <Spinner /> Reading the log…
      </p>
    );
  }

  return (
    <div ref={viewport} className="log-view__lines">
      {shown.length === 0 ? (
        <div className="log-view__empty">
          {entries === 0 ? (
            <p>No lines yet. What the worker writes appears here as it happens.</p>
          ) : (
            <>
              <p>No line matches the filter.</p>
              {filtering ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={clearFilter}
                >
                  Show every line
                </button>
              ) : null}
            </>
          )}
        </div>
      ) : null}
      <VirtualList<LogEntry>
        items={shown}
        rowHeight={LOG_ROW_HEIGHT}
        itemKey={(entry) => entry.seq}
        rowClassName={(entry) => `log-line log-line--${entry.kind}`}
        renderRow={(entry) => <LogLineRow entry={entry} showInstance={multiInstance} />}
        stickToBottom={following}
        onScrollAway={pause}
        frontDropped={shownDropped}
        resetKey={shownVersion}
        label={`Log lines of worker ${worker}`}
        className="log-view__list"
      />
      {newLines > 0 ? (
        <button
          type="button"
          className="button button--primary button--small log-view__new-lines"
          onClick={follow}
        >
          <FollowIcon className="icon" />
          {count.format(newLines)} new {newLines === 1 ? 'line' : 'lines'}
        </button>
      ) : null}
    </div>
  );
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** How much is shown, whether it follows, and where older lines are. */
function LogStatusLine({ notice }: { notice: string | null }) {
  const phase = useLogViewStore((s) => s.phase);
  const shown = useLogViewStore((s) => s.shown.length);
  const entries = useLogViewStore((s) => s.entries.length);
  const following = useLogViewStore((s) => s.following);
  const more = useLogViewStore((s) => s.more);
  const files = useLogViewStore((s) => s.files);
  const filtering = useLogViewStore((s) => isFiltering(s.filter));
  if (phase !== 'live') return <div className="log-view__footer" />;
  const lines = filtering
    ? `${count.format(shown)} of ${count.format(entries)} lines match`
    : `${count.format(entries)} ${entries === 1 ? 'line' : 'lines'}`;
  const older = more
    ? entries >= MAX_LOG_ENTRIES
      ? ` (the newest ${count.format(MAX_LOG_ENTRIES)}; older ones are in the file)`
      : ' (older ones are in the file)'
    : '';
  return (
    <div className="log-view__footer">
      <span className={`log-view__mode log-view__mode--${following ? 'live' : 'paused'}`}>
        <span className="log-view__mode-dot" aria-hidden="true" />
        {following ? 'Following' : 'Paused'}
      </span>
      <span className="log-view__count" data-testid="log-count">
        {lines}
        {older}
      </span>
      {notice ? <span className="log-view__notice-text">{notice}</span> : null}
      {files.length > 0 ? (
        <span className="log-view__files" title={files.join('\n')}>
          {files.length === 1 ? fileName(files[0]!) : `${files.length} files`}
        </span>
      ) : null}
    </div>
  );
}
