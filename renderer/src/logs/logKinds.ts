import type { LogLineKind } from '../../../main/ipc/contract';
import type { FilterKind } from './logBuffer';

/** Every line says its kind in words too, never by colour alone. */
export const KIND_LABELS: Record<LogLineKind, string> = {
  processing: 'Processing',
  processed: 'Processed',
  failed: 'Failed',
  servermark: 'ServerMark',
  other: '',
};

export const FILTER_KINDS: readonly FilterKind[] = [
  'processing',
  'processed',
  'failed',
  'servermark',
];
