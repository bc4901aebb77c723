/**
 * Runs `work` once the frame being prepared now has been painted: the animation frame callback
 * runs before that paint, the timeout it schedules after it. For work the first screen must not
 * wait for (loading the other sections, Rust's background work).
 */
export function afterFirstFrame(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}
