import { formatBytes } from '../../../vm-backend/api/rules/stats-limits';

export const fmtPct = (v: number | null | undefined): string =>
  v === null || v === undefined ? '–' : `${v.toFixed(1)}%`;
export const fmtBytes = (v: number): string => formatBytes(v);
