// Inline SVG: the app is offline and its CSP loads nothing from elsewhere.
import type { ReactNode } from 'react';

export interface IconProps {
  className?: string;
}

/** The frame every icon shares: decorative, so hidden from assistive tech and never focusable. */
export function SvgIcon({
  className,
  viewBox = '0 0 16 16',
  children,
}: IconProps & { viewBox?: string; children: ReactNode }) {
  return (
    <svg className={className} viewBox={viewBox} aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function AppMark({ className }: IconProps) {
  return (
    <SvgIcon className={className} viewBox="0 0 32 32">
      <rect x="2" y="2" width="28" height="28" rx="8" className="app-mark__tile" />
      <rect x="8" y="9" width="16" height="5" rx="1.5" className="app-mark__bar" />
      <rect x="8" y="18" width="16" height="5" rx="1.5" className="app-mark__bar" />
      <circle cx="20.5" cy="11.5" r="1.2" className="app-mark__led" />
      <circle cx="20.5" cy="20.5" r="1.2" className="app-mark__led" />
    </SvgIcon>
  );
}

export function PlusIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path
        d="M8 3v10M3 8h10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </SvgIcon>
  );
}

export function AlertIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5v4.2" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="11.3" r="0.95" fill="currentColor" />
    </SvgIcon>
  );
}

export function CloseIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </SvgIcon>
  );
}

export function FolderIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className} viewBox="0 0 48 48">
      <path
        d="M6 14a4 4 0 0 1 4-4h9l4 4h15a4 4 0 0 1 4 4v16a4 4 0 0 1-4 4H10a4 4 0 0 1-4-4z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinejoin="round"
      />
      <path d="M24 21v10M19 26h10" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </SvgIcon>
  );
}

export function PlayIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path d="M5 3.5v9l7.5-4.5z" fill="currentColor" strokeLinejoin="round" />
    </SvgIcon>
  );
}

export function StopIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <rect x="4" y="4" width="8" height="8" rx="1.5" fill="currentColor" />
    </SvgIcon>
  );
}

export function RestartIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path
        d="M12.9 9.2A5 5 0 1 1 11.5 4.4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
      <path
        d="M12.6 1.8v3.4H9.2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </SvgIcon>
  );
}

export function SearchIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </SvgIcon>
  );
}

export function ChevronIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path
        d="M6 4l4 4-4 4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </SvgIcon>
  );
}

export function GearIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className} viewBox="0 0 20 20">
      <path
        d="M8.6 2.5h2.8l.4 2.1 1.3.7 2-.8 1.4 2.4-1.6 1.4v1.4l1.6 1.4-1.4 2.4-2-.8-1.3.7-.4 2.1H8.6l-.4-2.1-1.3-.7-2 .8-1.4-2.4 1.6-1.4V9.3L3.5 7.9l1.4-2.4 2 .8 1.3-.7z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <circle cx="10" cy="10" r="2.4" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </SvgIcon>
  );
}

export function ArrowUpIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path
        d="M8 13V3.5M4 7.5l4-4 4 4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </SvgIcon>
  );
}

export function ArrowDownIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path
        d="M8 3v9.5M4 8.5l4 4 4-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </SvgIcon>
  );
}

export function TrashIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path
        d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </SvgIcon>
  );
}
