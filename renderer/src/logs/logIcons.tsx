// Inline SVG, like ui/icons.tsx: the window loads nothing from elsewhere.
import { SvgIcon, type IconProps } from '../ui/icons';

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export function PauseIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <rect x="4" y="3" width="2.6" height="10" rx="0.8" fill="currentColor" />
      <rect x="9.4" y="3" width="2.6" height="10" rx="0.8" fill="currentColor" />
    </SvgIcon>
  );
}

export function FollowIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path d="M8 2.5v8M4.5 7l3.5 3.5L11.5 7M3.5 13.5h9" {...stroke} strokeWidth={1.6} />
    </SvgIcon>
  );
}

export function CopyIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" {...stroke} />
      <path
        d="M10.5 3.5V3A1.5 1.5 0 0 0 9 1.5H3.5A1.5 1.5 0 0 0 2 3v5.5A1.5 1.5 0 0 0 3.5 10h.5"
        {...stroke}
      />
    </SvgIcon>
  );
}

export function OpenFileIcon({ className }: IconProps) {
  return (
    <SvgIcon className={className}>
      <path d="M9 2.5h4.5V7M13.5 2.5 7.5 8.5" {...stroke} />
      <path d="M12 10v2.5a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1H6" {...stroke} />
    </SvgIcon>
  );
}
