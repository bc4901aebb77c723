// The pages the first screen does not need, loaded on their own: the window starts with the shell
// and Översikt only, and fetches the rest once that is drawn, so no section waits on first visit.
import { afterFirstFrame } from "./lib/afterFirstFrame";

export const sectionPages = {
  invoices: () => import("./invoices/InvoicesPage.svelte"),
  receivables: () => import("./money_in/ReceivablesPage.svelte"),
  customers: () => import("./customers/CustomersPage.svelte"),
  articles: () => import("./articles/ArticlesPage.svelte"),
  bookkeeping: () => import("./bookkeeping/BookkeepingPage.svelte"),
  settings: () => import("./settings/SettingsPage.svelte"),
  welcome: () => import("./company/WelcomeScreen.svelte"),
};

/** Fetches every page after the first frame has been painted. */
export function preloadSectionPages(): void {
  afterFirstFrame(() => {
    for (const load of Object.values(sectionPages)) void load();
  });
}
