/** A duration as a person would say it at a glance: "45 s", "3 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "up 3 min" since systemd last started the process; clocks a second apart never go negative. */
export function uptimeText(since: string, now: number): string {
  return `up ${formatDuration(now - Date.parse(since))}`;
}
