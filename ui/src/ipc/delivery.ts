// Typed calls for "Skriv ut / Skicka": AutoInvoice settings (keys go in, never come out), the
// receiver lookup, sending, the delivery timeline and what to do after a failure.
import type { AutoInvoiceSettingsForm } from "./bindings/AutoInvoiceSettingsForm";
import type { AutoInvoiceSettingsView } from "./bindings/AutoInvoiceSettingsView";
import type { ConnectionReport } from "./bindings/ConnectionReport";
import type { DeliveryNotice } from "./bindings/DeliveryNotice";
import type { DeliveryStatusView } from "./bindings/DeliveryStatusView";
import type { DeliveryTimeline } from "./bindings/DeliveryTimeline";
import type { OutboxSummary } from "./bindings/OutboxSummary";
import type { ReceiverLookupView } from "./bindings/ReceiverLookupView";
import type { RerouteRequest } from "./bindings/RerouteRequest";
import type { SendPreview } from "./bindings/SendPreview";
import { call } from "./call";

export type { ChannelCode } from "./bindings/ChannelCode";
export type { DeliveryEventView } from "./bindings/DeliveryEventView";
export type { DeliveryStateCode } from "./bindings/DeliveryStateCode";
export type { EnvironmentCode } from "./bindings/EnvironmentCode";
export type { RerouteChannel } from "./bindings/RerouteChannel";
export type { SendPreviewRow } from "./bindings/SendPreviewRow";
export type {
  AutoInvoiceSettingsForm,
  AutoInvoiceSettingsView,
  ConnectionReport,
  DeliveryNotice,
  DeliveryStatusView,
  DeliveryTimeline,
  OutboxSummary,
  ReceiverLookupView,
  RerouteRequest,
  SendPreview,
};

export const autoInvoiceSettings = () => call<AutoInvoiceSettingsView>("autoinvoice_settings");
export const saveAutoInvoiceSettings = (form: AutoInvoiceSettingsForm) =>
  call<AutoInvoiceSettingsView>("save_autoinvoice_settings", { form });
export const testAutoInvoiceConnection = () => call<ConnectionReport>("test_autoinvoice_connection");
export const lookupReceiver = (orgNumber: string) => call<ReceiverLookupView>("lookup_receiver", { orgNumber });
export const lookupCustomerReceiver = (customerId: number) =>
  call<ReceiverLookupView>("lookup_customer_receiver", { customerId });
export const sendInvoice = (id: number) => call<DeliveryStatusView>("send_invoice", { id });
export const sendAllPreview = () => call<SendPreview>("send_all_preview");
export const sendAllInvoices = () => call<number[]>("send_all_invoices");
export const deliveryTimeline = (id: number) => call<DeliveryTimeline>("delivery_timeline", { id });
export const deliveryStates = (ids: number[]) => call<DeliveryStatusView[]>("delivery_states", { ids });
export const outboxSummary = () => call<OutboxSummary>("outbox_summary");
export const deliveryNotices = () => call<DeliveryNotice[]>("delivery_notices");
export const dismissDeliveryNotice = (id: number) => call<void>("dismiss_delivery_notice", { id });
export const markDeliveryHandled = (id: number, note: string) =>
  call<DeliveryStatusView>("mark_delivery_handled", { id, note });
export const rerouteDelivery = (request: RerouteRequest) => call<DeliveryStatusView>("reroute_delivery", { request });
/** "Skicka kopia": delivered invoice `id` once more, by e-mail, to `email`. */
export const sendInvoiceCopy = (id: number, email: string) => call<DeliveryStatusView>("send_invoice_copy", { id, email });
export const retryDelivery = (id: number) => call<DeliveryStatusView>("retry_delivery", { id });
export const connectivityChanged = (online: boolean) => call<void>("connectivity_changed", { online });
