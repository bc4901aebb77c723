// Svelte 5 in runes mode everywhere, so components cannot fall back to the legacy reactivity.
export default {
  compilerOptions: { runes: true },
};
