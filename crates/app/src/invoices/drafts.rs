//! Drafting: a new form with the customer's and the company's defaults, saving it as a draft
//! with the seller and buyer copied from the registers, opening and deleting drafts.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::invoice::InvoiceKind;
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::{Language, Text};
use fakturera_store::{
    Company, Customer, CustomerId, InvoiceId, Store, StoreError, StoreErrorKind,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::choices::{CustomerChoice, blank_line};
use super::detail::{InvoiceDetail, is_draft, read_detail};
use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};
use crate::invoice_form::{
    DiscountKindCode, FormParties, InvoiceForm, InvoiceLineForm, invoice_from_form,
};

/// What the editor opens with for a new invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewInvoice {
    pub customer: CustomerChoice,
    pub form: InvoiceForm,
    pub blank_line: InvoiceLineForm,
}

fn decimal_text(amount: rust_decimal::Decimal) -> String {
    if amount.is_zero() {
        String::new()
    } else {
        amount.normalize().to_string()
    }
}

/// The form a new invoice for `customer` starts from on `today`.
pub(crate) fn default_form(
    company: &Company,
    customer: &Customer,
    today: NaiveDate,
) -> InvoiceForm {
    let terms: PaymentTerms = customer
        .payment_terms
        .unwrap_or(company.default_payment_terms);
    let our_reference = if customer.our_reference.trim().is_empty() {
        company.contact_name.clone()
    } else {
        customer.our_reference.clone()
    };
    InvoiceForm {
        issue_date: today.to_string(),
        due_date: String::new(),
        delivery_date: String::new(),
        payment_terms: terms.code(),
        our_reference,
        your_reference: customer.your_reference.clone(),
        buyer_reference: customer.buyer_reference.clone(),
        order_reference: String::new(),
        currency: customer.currency.code().to_owned(),
        exchange_rate: String::new(),
        prices_include_vat: false,
        round_to_whole_kronor: company.cash_rounding && customer.currency.is_sek(),
        notes: String::new(),
        lines: vec![blank_line(Some(customer))],
        invoice_fee: decimal_text(company.invoice_fee),
        freight: String::new(),
        discount: String::new(),
        discount_kind: DiscountKindCode::Percent,
    }
}

pub(crate) fn issued_conflict() -> StoreError {
    StoreError::new(
        StoreErrorKind::Conflict,
        Text::new(
            "Fakturan är utfärdad och kan inte ändras. Rätta den med en kreditfaktura.",
            "The invoice has been issued and cannot be changed. Correct it with a credit invoice.",
        ),
    )
}

/// Builds the domain invoice from `form` with the company and the customer as they are now.
pub(crate) fn invoice_for(
    store: &Store,
    customer_id: CustomerId,
    form: &InvoiceForm,
    kind: InvoiceKind,
    language: Language,
) -> Result<fakturera_core::invoice::Invoice, AppError> {
    let company = store.company().for_user(language)?;
    let customer = store.customer(customer_id).for_user(language)?;
    let parties = FormParties {
        seller: company.seller(),
        buyer: customer.buyer(),
        kind,
    };
    invoice_from_form(form, parties).for_user(language)
}

impl App {
    /// A new invoice form for customer `customer_id` dated `today`, with the customer's terms,
    /// references, currency and VAT treatment and the company's invoice fee and rounding.
    pub fn new_invoice(&self, customer_id: i64, today: NaiveDate) -> Result<NewInvoice, AppError> {
        self.with_store(|store| {
            let company = store.company()?;
            let customer = store.customer(CustomerId(customer_id))?;
            Ok::<_, StoreError>(NewInvoice {
                customer: CustomerChoice::new(CustomerId(customer_id), &customer),
                form: default_form(&company, &customer, today),
                blank_line: blank_line(Some(&customer)),
            })
        })
    }

    /// Saves `form` as a new draft for customer `customer_id`.
    pub fn create_invoice_draft(
        &self,
        customer_id: i64,
        form: &InvoiceForm,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<InvoiceDetail, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let invoice = invoice_for(
                store,
                CustomerId(customer_id),
                form,
                InvoiceKind::Invoice,
                language,
            )?;
            let id = store
                .create_draft(CustomerId(customer_id), &invoice, now)
                .for_user(language)?;
            read_detail(store, id, today, language).for_user(language)
        })
    }

    /// Saves `form` over the draft `id` (possibly for another customer). An issued invoice is
    /// refused with `conflict` and left as it was.
    pub fn update_invoice_draft(
        &self,
        id: i64,
        customer_id: i64,
        form: &InvoiceForm,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<InvoiceDetail, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let stored = store.invoice(InvoiceId(id)).for_user(language)?;
            if !is_draft(&stored) {
                return Err(issued_conflict().into_app_error(language));
            }
            let invoice = invoice_for(
                store,
                CustomerId(customer_id),
                form,
                stored.invoice.kind.clone(),
                language,
            )?;
            store
                .update_draft(InvoiceId(id), CustomerId(customer_id), &invoice, now)
                .for_user(language)?;
            read_detail(store, InvoiceId(id), today, language).for_user(language)
        })
    }

    /// The invoice `id` with its totals, payments and links; overdue as of `today`.
    pub fn invoice_detail(&self, id: i64, today: NaiveDate) -> Result<InvoiceDetail, AppError> {
        let language = self.language();
        self.with_store(|store| read_detail(store, InvoiceId(id), today, language))
    }

    /// Deletes the draft `id`; issued invoices are never deleted.
    pub fn delete_invoice_draft(&self, id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
        self.with_store(|store| store.delete_draft(InvoiceId(id), now))
    }
}
