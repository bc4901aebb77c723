// Every feature's texts, registered with the shared i18n (lib/i18n). The shared lib knows no
// feature; this file, beside main.ts, is where the app composes them. main.ts imports it before
// it mounts the shell, so the first render already has every text, and vitest runs it before each
// test file (vite.config.ts `setupFiles`). A new feature with texts adds one line here.
import { registerDictionaries } from "./lib/i18n/index.svelte";
import { articlesEn, articlesSv } from "./articles/i18n";
import { bookkeepingEn, bookkeepingSv } from "./bookkeeping/i18n";
import { companyEn, companySv } from "./company/i18n";
import { customersEn, customersSv } from "./customers/i18n";
import { deliveryEn, deliverySv } from "./delivery/i18n";
import { documentsEn, documentsSv } from "./documents/i18n";
import { invoicesEn, invoicesSv } from "./invoices/i18n";
import { moneyInEn, moneyInSv } from "./money_in/i18n";
import { settingsEn, settingsSv } from "./settings/i18n";
import { transferEn, transferSv } from "./transfer/i18n";

registerDictionaries({ sv: articlesSv, en: articlesEn });
registerDictionaries({ sv: bookkeepingSv, en: bookkeepingEn });
registerDictionaries({ sv: companySv, en: companyEn });
registerDictionaries({ sv: customersSv, en: customersEn });
registerDictionaries({ sv: deliverySv, en: deliveryEn });
registerDictionaries({ sv: documentsSv, en: documentsEn });
registerDictionaries({ sv: invoicesSv, en: invoicesEn });
registerDictionaries({ sv: moneyInSv, en: moneyInEn });
registerDictionaries({ sv: settingsSv, en: settingsEn });
registerDictionaries({ sv: transferSv, en: transferEn });
