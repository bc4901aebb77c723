// Light and dark themes: follow the OS (prefers-color-scheme) unless the user picked one.

export type ThemePreference = "system" | "light" | "dark";
export type Theme = "light" | "dark";

export const themePreferences: readonly ThemePreference[] = ["system", "light", "dark"];

const storageKey = "fakturera.theme";

/** The theme to show for a preference, given whether the OS is in dark mode. */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === "system") {
    return systemPrefersDark ? "dark" : "light";
  }
  return preference;
}

/** Reads a saved preference; anything unknown means "follow the system". */
export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return value === "light" || value === "dark" ? value : "system";
}

export function loadThemePreference(): ThemePreference {
  try {
    return parseThemePreference(globalThis.localStorage?.getItem(storageKey));
  } catch {
    return "system";
  }
}

export function saveThemePreference(preference: ThemePreference): void {
  try {
    globalThis.localStorage?.setItem(storageKey, preference);
  } catch {
    // A locked-down storage only means the choice is not remembered.
  }
}

/**
 * Applies the preference to <html data-theme> now and whenever the OS switches; returns a
 * function that stops listening.
 */
export function applyTheme(preference: ThemePreference): () => void {
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    document.documentElement.dataset.theme = resolveTheme(preference, query.matches);
  };
  apply();
  query.addEventListener("change", apply);
  return () => query.removeEventListener("change", apply);
}
