// Lets a screen with unsaved work stop the shell from navigating away: the screen registers a
// guard that asks the user, and the shell awaits `mayLeave()` before switching sections.

type Guard = () => Promise<boolean>;

let current: Guard | null = null;

/** Installs `guard` and returns the function that removes it again. */
export function setLeaveGuard(guard: Guard): () => void {
  current = guard;
  return () => {
    if (current === guard) {
      current = null;
    }
  };
}

/** True when nothing is unsaved or the user chose to leave anyway. */
export async function mayLeave(): Promise<boolean> {
  return current ? current() : true;
}
