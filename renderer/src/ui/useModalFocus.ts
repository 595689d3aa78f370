import { useEffect, useEffectEvent, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function canTakeFocus(element: HTMLElement | null): element is HTMLElement {
  return !!element && element.isConnected && !element.matches(':disabled');
}

interface ModalFocusOptions {
  dialog: RefObject<HTMLElement | null>;
  initialFocus: RefObject<HTMLElement | null>;
  /** Where focus goes when the opener cannot take it back (disabled or gone). */
  fallbackFocus: () => HTMLElement | null;
  onCancel: () => void;
}

/**
 * Modal behaviour for a dialog portalled into <body>: the rest of the page is inert, focus
 * starts inside and cycles there, Escape cancels, and focus returns to whoever opened it.
 */
export function useModalFocus({
  dialog,
  initialFocus,
  fallbackFocus,
  onCancel,
}: ModalFocusOptions) {
  const focusFallback = useEffectEvent(() => fallbackFocus()?.focus());

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const host = dialog.current?.closest('body > *') ?? null;
    const madeInert = [...document.body.children].filter(
      (el): el is HTMLElement => el instanceof HTMLElement && el !== host && !el.inert,
    );
    for (const el of madeInert) el.inert = true;
    initialFocus.current?.focus();

    return () => {
      for (const el of madeInert) el.inert = false;
      if (canTakeFocus(opener)) opener.focus();
      else focusFallback();
    };
  }, [dialog, initialFocus]);

  return function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.current.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.current.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };
}
