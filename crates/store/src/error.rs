//! The one error type of the store: a kind the app maps to its IPC codes, and a message in
//! Swedish and English that says what went wrong and what the user can do about it.

use fakturera_core::{FieldError, FieldErrors, Text};

/// The field a taken OCR reference is reported on.
const OCR_FIELD: &str = "ocr";

/// What sort of failure this is, so callers can branch without reading messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoreErrorKind {
    /// The record the caller named does not exist.
    NotFound,
    /// The input breaks a rule the store keeps, such as a duplicate customer number.
    Invalid,
    /// The record is in a state that forbids the change, e.g. an issued invoice.
    Conflict,
    /// The company file was written by a newer version of Fakturera.
    NewerSchema,
    /// The company file is damaged or not a company file at all.
    Corrupt,
    /// Another program held the file locked for longer than the busy timeout.
    Busy,
    /// The file system refused: missing folder, no permission, disk full.
    Io,
    /// Anything else SQLite reported; a bug rather than a user mistake.
    Internal,
}

/// A failure of the store, with a message fit to show the user. Boxed, so results stay small.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.message)]
pub struct StoreError(Box<StoreErrorParts>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct StoreErrorParts {
    kind: StoreErrorKind,
    field: Option<String>,
    message: Text,
    detail: Option<String>,
    field_errors: Vec<FieldError>,
}

impl StoreError {
    pub fn new(kind: StoreErrorKind, message: Text) -> StoreError {
        StoreError(Box::new(StoreErrorParts {
            kind,
            field: None,
            message,
            detail: None,
            field_errors: Vec::new(),
        }))
    }

    /// An error about one input field, e.g. a customer number that is already taken.
    pub fn invalid_field(field: impl Into<String>, message: Text) -> StoreError {
        StoreError(Box::new(StoreErrorParts {
            kind: StoreErrorKind::Invalid,
            field: Some(field.into()),
            message,
            detail: None,
            field_errors: Vec::new(),
        }))
    }

    pub fn not_found(what_sv: &str, what_en: &str, id: impl std::fmt::Display) -> StoreError {
        StoreError::new(
            StoreErrorKind::NotFound,
            Text::new(
                format!(
                    "Hittade ingen {what_sv} med id {id}. Den kan ha tagits bort; ladda om listan."
                ),
                format!(
                    "No {what_en} with id {id} was found. It may have been deleted; reload the list."
                ),
            ),
        )
    }

    /// Issuing chose an OCR reference that another invoice of the file already has; see
    /// `Store::issue_invoice`.
    pub(crate) fn ocr_in_use(ocr: &str) -> StoreError {
        StoreError(Box::new(StoreErrorParts {
            kind: StoreErrorKind::Conflict,
            field: Some(OCR_FIELD.to_owned()),
            message: Text::new(
                format!("OCR-numret {ocr} används redan av en annan faktura i företagsfilen."),
                format!(
                    "The OCR reference {ocr} is already used by another invoice in the company file."
                ),
            ),
            detail: None,
            field_errors: Vec::new(),
        }))
    }

    /// Whether issuing failed only because the OCR reference was taken, so the caller may issue
    /// again with another one.
    pub fn is_ocr_in_use(&self) -> bool {
        self.0.kind == StoreErrorKind::Conflict && self.field() == Some(OCR_FIELD)
    }

    /// Adds technical detail (for logs, never shown as the message).
    pub fn with_detail(mut self, detail: impl Into<String>) -> StoreError {
        self.0.detail = Some(detail.into());
        self
    }

    pub fn kind(&self) -> StoreErrorKind {
        self.0.kind
    }

    /// The input field the error is about, when there is one.
    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }

    pub fn message(&self) -> Text {
        self.0.message.clone()
    }

    /// Every field problem, when the store refused input that the core's validation rejected
    /// (e.g. issuing an invoice with no lines).
    pub fn field_errors(&self) -> &[FieldError] {
        &self.0.field_errors
    }

    /// The underlying SQLite or file-system text, for logs.
    pub fn detail(&self) -> Option<&str> {
        self.0.detail.as_deref()
    }
}

impl From<FieldErrors> for StoreError {
    /// `Invalid`, naming the first field, with the first message and all errors attached.
    fn from(errors: FieldErrors) -> StoreError {
        let first = errors.0.first().cloned();
        let message = first.as_ref().map_or_else(
            || {
                Text::new(
                    "Uppgifterna är ofullständiga.",
                    "The details are incomplete.",
                )
            },
            |error| error.message.clone(),
        );
        StoreError(Box::new(StoreErrorParts {
            kind: StoreErrorKind::Invalid,
            field: first.map(|error| error.field),
            message,
            detail: None,
            field_errors: errors.0,
        }))
    }
}

/// The `RAISE` texts of our triggers, each with the error the user sees for it.
pub(crate) const TRIGGER_MESSAGES: &[(&str, StoreErrorKind, &str, &str)] = &[
    (
        "fakturera:issued_invoice_immutable",
        StoreErrorKind::Conflict,
        "Fakturan är utfärdad och kan inte ändras eller tas bort. Rätta den med en kreditfaktura.",
        "The invoice has been issued and cannot be changed or deleted. Correct it with a credit invoice.",
    ),
    (
        "fakturera:event_log_append_only",
        StoreErrorKind::Conflict,
        "Händelseloggen kan bara utökas, inte ändras.",
        "The event log can only be added to, never changed.",
    ),
    (
        "fakturera:series_would_reuse_numbers",
        StoreErrorKind::Invalid,
        "Nästa nummer kan inte sättas lägre än eller lika med ett nummer som redan använts i serien. Ange ett högre nummer.",
        "The next number cannot be set to or below a number already used in the series. Enter a higher number.",
    ),
    (
        "fakturera:series_in_use",
        StoreErrorKind::Conflict,
        "Nummerserien har använts för fakturor och kan inte tas bort.",
        "The number series has been used for invoices and cannot be deleted.",
    ),
    (
        "fakturera:company_row_is_kept",
        StoreErrorKind::Conflict,
        "Företagsuppgifterna kan ändras men inte tas bort.",
        "The company details can be changed but not deleted.",
    ),
    (
        "fakturera:credit_target_invalid",
        StoreErrorKind::Conflict,
        "En kreditfaktura måste avse en utfärdad faktura, inte ett utkast eller en annan kreditfaktura.",
        "A credit invoice must refer to an issued invoice, not to a draft or another credit invoice.",
    ),
    (
        "fakturera:issue_needs_series_number",
        StoreErrorKind::Conflict,
        "En faktura får bara sitt nummer när den utfärdas, i tur och ordning från nummerserien.",
        "An invoice gets its number only when it is issued, next in turn from the number series.",
    ),
    (
        "fakturera:exported_records_kept",
        StoreErrorKind::Conflict,
        "Vad som har exporterats till bokföringen sparas och kan inte tas bort.",
        "What has been exported to the books is kept and cannot be removed.",
    ),
    (
        "fakturera:opening_items_kept",
        StoreErrorKind::Conflict,
        "Ingående poster från tidigare program sparas och kan inte tas bort.",
        "Opening items from the previous program are kept and cannot be removed.",
    ),
    (
        "fakturera:opening_item_not_sent",
        StoreErrorKind::Conflict,
        "Fakturan är en ingående post från tidigare program och skickades därifrån. Den skickas inte igen.",
        "The invoice is an opening item from the previous program and was sent from there. It is not sent again.",
    ),
    (
        "fakturera:payment_needs_issued_invoice",
        StoreErrorKind::Conflict,
        "Betalningar kan bara registreras på utfärdade fakturor.",
        "Payments can only be recorded on issued invoices.",
    ),
    (
        "fakturera:outbox_key_never_changes",
        StoreErrorKind::Conflict,
        "En faktura som köats för att skickas behåller sin sändningsnyckel; den kan inte bytas.",
        "An invoice queued for sending keeps its sending key; it cannot be replaced.",
    ),
    (
        "fakturera:outbox_rows_are_kept",
        StoreErrorKind::Conflict,
        "Uppgiften om att en faktura skickats sparas alltid och kan inte tas bort.",
        "The record that an invoice was sent is always kept and cannot be removed.",
    ),
    (
        "fakturera:series_gap_unconfirmed",
        StoreErrorKind::Invalid,
        "Nummerserien har redan gett ut fakturanummer; nästa nummer kan bara flyttas fram över ett glapp som bekräftats och förklarats.",
        "The number series has already issued invoice numbers; its next number can only be moved forward over a gap that is confirmed and explained.",
    ),
    (
        "fakturera:outbox_only_issued",
        StoreErrorKind::Conflict,
        "Bara utfärdade fakturor kan skickas.",
        "Only issued invoices can be sent.",
    ),
    (
        "fakturera:money_record_immutable",
        StoreErrorKind::Conflict,
        "Bokförda betalningar, bankfiler, påminnelser och räntedebiteringar ändras aldrig. Rätta med en ny post som vänder den felaktiga.",
        "Booked payments, bank files, reminders and interest charges are never changed. Correct a mistake with a new record that reverses it.",
    ),
    (
        "fakturera:reversal_invalid",
        StoreErrorKind::Conflict,
        "En rättelse måste vända en bokförd post på samma faktura, och en rättelse kan inte själv rättas.",
        "A reversal must reverse a booked record on the same invoice, and a reversal cannot itself be reversed.",
    ),
];

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        let detail = error.to_string();
        if let Some((_, kind, sv, en)) = TRIGGER_MESSAGES
            .iter()
            .find(|(marker, ..)| detail.contains(marker))
        {
            return StoreError::new(*kind, Text::new(*sv, *en)).with_detail(detail);
        }
        if matches!(
            error,
            rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::InvalidColumnType(..)
        ) {
            return corrupt_file_error().with_detail(detail);
        }
        let error = match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::new(
                    StoreErrorKind::Busy,
                    Text::new(
                        "Företagsfilen används av ett annat program just nu. Försök igen om en stund.",
                        "The company file is in use by another program right now. Try again in a moment.",
                    ),
                )
            }
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                corrupt_file_error()
            }
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::new(
                StoreErrorKind::Io,
                Text::new(
                    "Disken är full. Frigör utrymme och försök igen; inget sparades.",
                    "The disk is full. Free some space and try again; nothing was saved.",
                ),
            ),
            Some(
                rusqlite::ErrorCode::CannotOpen
                | rusqlite::ErrorCode::PermissionDenied
                | rusqlite::ErrorCode::ReadOnly
                | rusqlite::ErrorCode::SystemIoFailure,
            ) => StoreError::new(
                StoreErrorKind::Io,
                Text::new(
                    "Företagsfilen kunde inte läsas eller skrivas. Kontrollera att mappen finns och att du har behörighet.",
                    "The company file could not be read or written. Check that the folder exists and that you have permission.",
                ),
            ),
            _ => StoreError::new(
                StoreErrorKind::Internal,
                Text::new(
                    "Ett oväntat databasfel inträffade; inget sparades. Försök igen och kontakta supporten om det upprepas.",
                    "An unexpected database error occurred; nothing was saved. Try again and contact support if it happens again.",
                ),
            ),
        };
        error.with_detail(detail)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(error: std::io::Error) -> StoreError {
        StoreError::new(
            StoreErrorKind::Io,
            Text::new(
                format!("Filen kunde inte läsas eller skrivas ({error}). Kontrollera mappen och behörigheten."),
                format!("The file could not be read or written ({error}). Check the folder and the permissions."),
            ),
        )
        .with_detail(error.to_string())
    }
}

pub(crate) fn corrupt_file_error() -> StoreError {
    StoreError::new(
        StoreErrorKind::Corrupt,
        Text::new(
            "Företagsfilen är skadad eller är inte en Fakturera-fil. Återställ den från en säkerhetskopia.",
            "The company file is damaged or is not a Fakturera file. Restore it from a backup.",
        ),
    )
}
