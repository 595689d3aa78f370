/** How often the running app checks log sizes: a stat per worker log, so cheap. */
export const ROTATION_INTERVAL_MS = 60_000;

/**
 * Keeps worker logs under the size cap while the app runs (nothing else rotates systemd's
 * append: files); failures go to `onError`, and the next tick tries again. Returns the stopper.
 */
export function startLogRotation(
  rotate: () => Promise<unknown>,
  onError: (error: unknown) => void,
  everyMs = ROTATION_INTERVAL_MS,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return; // A slow copy of a huge log must not stack up rotations.
    running = true;
    try {
      await rotate();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
