import { useEffect, useRef } from 'react';

interface WorkerToggleProps {
  siteName: string;
  on: boolean;
  busy: boolean;
  onToggle: () => void;
}

export function WorkerToggle({ siteName, on, busy, onToggle }: WorkerToggleProps) {
  const button = useRef<HTMLButtonElement>(null);
  const hadFocus = useRef(false);

  // A disabled button drops focus; give it back when the operation ends, unless the user moved on.
  useEffect(() => {
    if (busy || !hadFocus.current) return;
    hadFocus.current = false;
    const active = document.activeElement;
    if (!active || active === document.body) button.current?.focus();
  }, [busy]);

  return (
    <button
      ref={button}
      type="button"
      role="switch"
      className="switch"
      aria-checked={on}
      aria-label={`Queue worker for ${siteName}`}
      disabled={busy}
      onClick={() => {
        hadFocus.current = document.activeElement === button.current;
        onToggle();
      }}
    >
      <span className="switch__thumb" aria-hidden="true" />
    </button>
  );
}
