// Typed calls for the registers: company settings and logo, number series, backups, customers and
// articles. Every type comes from ./bindings (generated from Rust); decimals travel as strings.
import type { AddressForm } from "./bindings/AddressForm";
import type { ArticleDetails } from "./bindings/ArticleDetails";
import type { ArticleForm } from "./bindings/ArticleForm";
import type { ArticleKindCode } from "./bindings/ArticleKindCode";
import type { ArticleRow } from "./bindings/ArticleRow";
import type { BackupKindCode } from "./bindings/BackupKindCode";
import type { BackupView } from "./bindings/BackupView";
import type { CompanySettings } from "./bindings/CompanySettings";
import type { CompanySettingsForm } from "./bindings/CompanySettingsForm";
import type { CustomerDetails } from "./bindings/CustomerDetails";
import type { CustomerForm } from "./bindings/CustomerForm";
import type { CustomerKindCode } from "./bindings/CustomerKindCode";
import type { CustomerRow } from "./bindings/CustomerRow";
import type { DeliveryChoiceCode } from "./bindings/DeliveryChoiceCode";
import type { NumberSeriesForm } from "./bindings/NumberSeriesForm";
import type { NumberSeriesView } from "./bindings/NumberSeriesView";
import type { PaymentTermsChoice } from "./bindings/PaymentTermsChoice";
import type { RegisterChoices } from "./bindings/RegisterChoices";
import type { RegisterSearch } from "./bindings/RegisterSearch";
import type { RestoreView } from "./bindings/RestoreView";
import type { VatRateClassCode } from "./bindings/VatRateClassCode";
import type { VatTreatmentCode } from "./bindings/VatTreatmentCode";
import { call } from "./call";

export type {
  AddressForm,
  ArticleDetails,
  ArticleForm,
  ArticleKindCode,
  ArticleRow,
  BackupKindCode,
  BackupView,
  CompanySettings,
  CompanySettingsForm,
  CustomerDetails,
  CustomerForm,
  CustomerKindCode,
  CustomerRow,
  DeliveryChoiceCode,
  NumberSeriesForm,
  NumberSeriesView,
  RegisterChoices,
  RegisterSearch,
  RestoreView,
  VatRateClassCode,
  VatTreatmentCode,
};

export const companySettings = () => call<CompanySettings>("company_settings");
export const saveCompanySettings = (form: CompanySettingsForm) =>
  call<CompanySettings>("save_company_settings", { form });
/** The logo file's bytes as base64 (or a data: URL); Rust checks that it is a real PNG or JPEG. */
export const setCompanyLogo = (base64: string) => call<CompanySettings>("set_company_logo", { base64 });
export const removeCompanyLogo = () => call<CompanySettings>("remove_company_logo");
/** Units, payment terms and VAT rate classes (with the rate in force today), labelled by Rust. */
export const registerChoices = () => call<RegisterChoices>("register_choices");
/** Payment terms outside the common list, named in words by Rust ("10 dagar efter månadens slut"). */
export const paymentTermsChoice = (code: string) => call<PaymentTermsChoice>("payment_terms_choice", { code });

export const numberSeries = () => call<NumberSeriesView[]>("number_series");
export const addNumberSeries = (form: NumberSeriesForm) => call<NumberSeriesView[]>("add_number_series", { form });
export const updateNumberSeries = (id: number, form: NumberSeriesForm) =>
  call<NumberSeriesView[]>("update_number_series", { id, form });
export const setDefaultNumberSeries = (id: number) => call<NumberSeriesView[]>("set_default_number_series", { id });

export const listBackups = () => call<BackupView[]>("list_backups");
export const backupNow = () => call<BackupView>("backup_now");
/** Replaces the company file's content with a backup from the company's backup folder, named by its
 *  file name (Rust takes a safety copy first and never goes back past an issued invoice). */
export const restoreBackup = (fileName: string) => call<RestoreView>("restore_backup", { fileName });
/** "Återställ från fil…": Rust opens the native dialog; `null` when the user cancelled. */
export const restoreBackupFromFile = () => call<RestoreView | null>("restore_backup_from_file");
/** "Säkerhetskopiera till…": Rust opens the native folder dialog; `null` when the user cancelled. */
export const backupToFolder = () => call<BackupView | null>("backup_to_folder");

export const listCustomers = (search: RegisterSearch) => call<CustomerRow[]>("list_customers", { search });
export const getCustomer = (id: number) => call<CustomerDetails>("get_customer", { id });
/** An empty customer form: the next free customer number and the company's defaults. */
export const newCustomerForm = () => call<CustomerForm>("new_customer_form");
export const addCustomer = (form: CustomerForm) => call<CustomerDetails>("add_customer", { form });
export const updateCustomer = (id: number, form: CustomerForm) => call<CustomerDetails>("update_customer", { id, form });

export const listArticles = (search: RegisterSearch) => call<ArticleRow[]>("list_articles", { search });
export const getArticle = (id: number) => call<ArticleDetails>("get_article", { id });
/** An empty article form with Rust's defaults (unit "st", goods, the standard VAT rate). */
export const newArticleForm = () => call<ArticleForm>("new_article_form");
export const addArticle = (form: ArticleForm) => call<ArticleDetails>("add_article", { form });
export const updateArticle = (id: number, form: ArticleForm) => call<ArticleDetails>("update_article", { id, form });
