/** "Process 2" for `…@2.service`: systemd's instance is the process number users configured. */
export function processLabel(unit: string): string {
  const instance = /@([^.@]+)\.service$/.exec(unit)?.[1];
  return instance ? `Process ${instance}` : unit;
}
