// The fixed code lists the customer form offers, in the order Swedish users expect them.
import type { DeliveryChoiceCode, VatTreatmentCode } from "../ipc/registers";

export const deliveryChoices: readonly DeliveryChoiceCode[] = ["automatic", "einvoice", "email", "letter"];

export const vatTreatments: readonly VatTreatmentCode[] = [
  "swedish",
  "domestic_reverse_charge",
  "eu_goods",
  "eu_services",
  "export",
  "exempt",
  "outside_scope",
];
