/**
 * Runs `work` once the frame being prepared now is on the screen, for work the first screen must
 * not wait for (loading the other sections, Rust's backup schedule and delivery worker).
 *
 * One animation frame is not enough: its callback runs before the page's frame is committed, and
 * a timeout from there runs while WebKit's compositor is still painting that frame, so on two
 * cores Rust's background start took the CPU from it (~60 ms later on screen, and spread; see
 * docs/benchmarks.md, "Start-up"). The second animation frame only comes once the compositor has
 * finished the first, so work scheduled from it no longer competes with drawing the first screen.
 */
export function afterFirstFrame(work: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(work, 0)));
}
