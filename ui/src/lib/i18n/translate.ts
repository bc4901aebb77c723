// Looks a key up in a dictionary and fills in `{name}` placeholders; pure, so it is unit-tested.

/** Replaces each `{name}` in `template` with `params[name]`; unknown placeholders stay visible. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
