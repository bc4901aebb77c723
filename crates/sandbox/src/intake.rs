//! Turns one `POST /v1/invoices` upload into a stored invoice: unpacks a ZIP, reads the UBL, runs the
//! receipt check and the routing rules, and writes the first actions.

use crate::api::error::ApiError;
use crate::config::ReceiptMode;
use crate::model::{Action, ActionType, Channel, Invoice, InvoiceFile, InvoiceStatus, Recipient};
use crate::receipt::receipt_problems;
use crate::routing::{ReceiverEntry, RouteDecision, RouteInput, decide_route};
use crate::ubl::{UblDocument, read_ubl};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// The only `format` the sandbox accepts, as the app sends nothing else. The field is optional in
/// the real API; without it the sandbox reads the file as Peppol BIS 3.
pub const PEPPOL_BIS_30: &str = "PEPPOLBIS30";

/// The longest attachment name the operator takes (support.maventa.fi, e-invoice attachments).
const MAX_FILE_NAME: usize = 50;

/// A multipart form as received: text fields in order, and files.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    pub fields: Vec<(String, String)>,
    pub files: Vec<UploadedFile>,
}

impl Upload {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.trim().is_empty())
    }

    pub fn fields_named(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }
}

/// One file part of the form, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedFile {
    pub field: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    #[serde(
        rename = "bytes_base64",
        serialize_with = "as_base64",
        deserialize_with = "from_base64"
    )]
    pub bytes: Vec<u8>,
    /// The entries when the file is a ZIP.
    #[serde(default)]
    pub zip_entries: Vec<ZipEntry>,
}

/// One entry of an uploaded ZIP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZipEntry {
    pub name: String,
    #[serde(
        rename = "bytes_base64",
        serialize_with = "as_base64",
        deserialize_with = "from_base64"
    )]
    pub bytes: Vec<u8>,
}

fn as_base64<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&STANDARD.encode(bytes))
}

fn from_base64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    let text = String::deserialize(deserializer)?;
    STANDARD.decode(text).map_err(serde::de::Error::custom)
}

/// What the sandbox keeps of a received upload, for tests to inspect through `/_sandbox/received`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    pub invoice_id: String,
    pub uuid: String,
    pub fields: BTreeMap<String, Vec<String>>,
    pub files: Vec<UploadedFile>,
    /// The ZIP entry that is the invoice's image: the PDF with the XML's base name.
    #[serde(default)]
    pub image: Option<String>,
    pub received_at: String,
}

/// The settings of the sandbox that receiving depends on.
#[derive(Debug, Clone, Copy)]
pub struct IntakeRules<'a> {
    pub directory: &'a [ReceiverEntry],
    pub print_enabled: bool,
    pub receipt_mode: ReceiptMode,
}

/// A received invoice before it is stored.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub invoice: Invoice,
    pub route: RouteDecision,
    pub received: Received,
}

/// Checks and routes an upload; `id` and `uuid` are already chosen and unique.
pub fn accept_upload(
    mut upload: Upload,
    id: String,
    uuid: String,
    rules: IntakeRules<'_>,
    now: &str,
) -> Result<Accepted, ApiError> {
    match upload.field("format") {
        None | Some(PEPPOL_BIS_30) => {}
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "format does not have a valid value (the sandbox reads {PEPPOL_BIS_30} only, got {other})"
            )));
        }
    }
    let file_index = upload
        .files
        .iter()
        .position(|file| file.field == "file")
        .ok_or_else(|| ApiError::missing("file"))?;
    let xml = unpack(&mut upload.files[file_index])?;
    let image = invoice_image(&upload.files[file_index]);
    let parsed = read_ubl(&xml);
    let problems = match &parsed {
        Ok(document) => receipt_problems(document),
        Err(reason) => vec![reason.clone()],
    };
    if !problems.is_empty() && rules.receipt_mode == ReceiptMode::Reject {
        return Err(ApiError::validation_failed(problems));
    }
    let document = parsed.ok();
    let route = if problems.is_empty() {
        decide_route(
            &route_input(&upload, document.as_ref()),
            rules.directory,
            rules.print_enabled,
        )
    } else {
        RouteDecision::Fail {
            reason: format!(
                "The invoice was rejected on receipt: {}",
                problems.join("; ")
            ),
        }
    };
    let invoice = first_invoice(
        id.clone(),
        &upload.files[file_index],
        document.as_ref(),
        &route,
        now,
    );
    let received = Received {
        invoice_id: id,
        uuid,
        fields: group_fields(&upload.fields),
        files: upload.files,
        image,
        received_at: now.to_owned(),
    };
    Ok(Accepted {
        invoice,
        route,
        received,
    })
}

/// Returns the UBL bytes: the file itself, or the first `.xml` entry when it is a ZIP.
fn unpack(file: &mut UploadedFile) -> Result<Vec<u8>, ApiError> {
    if !file.bytes.starts_with(b"PK\x03\x04") {
        return Ok(file.bytes.clone());
    }
    let unreadable = |error: zip::result::ZipError| {
        ApiError::bad_request(format!("The ZIP file cannot be read: {error}"))
    };
    let mut archive =
        zip::ZipArchive::new(Cursor::new(file.bytes.as_slice())).map_err(unreadable)?;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(unreadable)?;
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(|error| {
            ApiError::bad_request(format!("The ZIP file cannot be read: {error}"))
        })?;
        file.zip_entries.push(ZipEntry {
            name: String::from_utf8_lossy(entry.name_raw()).into_owned(),
            bytes,
        });
    }
    if let Some(bad) = file
        .zip_entries
        .iter()
        .find(|entry| !is_acceptable_name(&entry.name))
    {
        return Err(ApiError::bad_request(format!(
            "file holds an attachment named {:?}: names may hold only a-z, 0-9, . and _ and be at most {MAX_FILE_NAME} characters",
            bad.name
        )));
    }
    file.zip_entries
        .iter()
        .find(|entry| entry.name.ends_with(".xml"))
        .map(|entry| entry.bytes.clone())
        .ok_or_else(|| ApiError::bad_request("The ZIP file holds no .xml file"))
}

/// [ours, following the rule the support pages give] Whether the operator takes this attachment name.
fn is_acceptable_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_FILE_NAME
        && !name.starts_with('.')
        && name
            .chars()
            .all(|character| matches!(character, 'a'..='z' | '0'..='9' | '.' | '_'))
}

/// The PDF with the XML's base name, which makes it the invoice's image (the Maventa Connector's
/// rule: "the .pdf with the same name is the invoice image and all other files are attachments").
fn invoice_image(file: &UploadedFile) -> Option<String> {
    let xml = file
        .zip_entries
        .iter()
        .find(|entry| entry.name.ends_with(".xml"))?;
    let stem = xml.name.strip_suffix(".xml")?;
    file.zip_entries
        .iter()
        .find(|entry| entry.name == format!("{stem}.pdf"))
        .map(|entry| entry.name.clone())
}

/// The files the operator lists for an upload: the file itself, or each entry of a ZIP, under
/// ids `<invoice id>-<n>` in this order.
pub fn listed_files(invoice_id: &str, file: &UploadedFile) -> Vec<(InvoiceFile, Vec<u8>)> {
    let entries: Vec<(String, Vec<u8>)> = if file.zip_entries.is_empty() {
        vec![(
            file.filename.clone().unwrap_or_else(|| file.field.clone()),
            file.bytes.clone(),
        )]
    } else {
        file.zip_entries
            .iter()
            .map(|entry| (entry.name.clone(), entry.bytes.clone()))
            .collect()
    };
    entries
        .into_iter()
        .enumerate()
        .map(|(index, (filename, bytes))| {
            let id = format!("{invoice_id}-{index}");
            let extension = filename
                .rsplit_once('.')
                .map(|(_, extension)| extension.to_ascii_lowercase())
                .unwrap_or_default();
            let (file_type, mimetype) = match extension.as_str() {
                "xml" => (PEPPOL_BIS_30.to_owned(), "application/xml"),
                "pdf" => ("PDF".to_owned(), "application/pdf"),
                other => (other.to_ascii_uppercase(), "application/octet-stream"),
            };
            let listed = InvoiceFile {
                href: format!("/v1/invoices/{invoice_id}/files/{id}"),
                id,
                filename,
                file_type,
                mimetype: mimetype.to_owned(),
            };
            (listed, bytes)
        })
        .collect()
}

fn route_input(upload: &Upload, document: Option<&UblDocument>) -> RouteInput {
    let buyer = document
        .map(|document| document.buyer.clone())
        .unwrap_or_default();
    RouteInput {
        recipient_eia: upload.field("recipient_eia").map(str::to_owned),
        recipient_operator: upload.field("recipient_operator").map(str::to_owned),
        email: upload
            .field("recipient_email")
            .map(str::to_owned)
            .or(buyer.email.clone()),
        disabled: upload
            .fields_named("disabled_routes[]")
            .into_iter()
            .filter_map(Channel::from_route_name)
            .collect(),
        buyer_bid: buyer.company_id.clone(),
        buyer_eia: buyer.endpoint.clone(),
        address_complete: buyer.has_complete_address(),
    }
}

fn first_invoice(
    id: String,
    file: &UploadedFile,
    document: Option<&UblDocument>,
    route: &RouteDecision,
    now: &str,
) -> Invoice {
    let mut actions = vec![action(ActionType::Created, None, "Invoice received", now)];
    let status = match route {
        RouteDecision::Fail { reason } => {
            actions.push(action(ActionType::Error, None, reason, now));
            InvoiceStatus::Failed
        }
        _ => InvoiceStatus::Pending,
    };
    let buyer = document
        .map(|document| document.buyer.clone())
        .unwrap_or_default();
    let (eia, operator) = match route {
        RouteDecision::EInvoice { eia, operator } => (Some(eia.clone()), Some(operator.clone())),
        _ => (buyer.endpoint.clone(), None),
    };
    let files = listed_files(&id, file)
        .into_iter()
        .map(|(listed, _)| listed)
        .collect();
    Invoice {
        id,
        status,
        number: document.and_then(|document| document.number.clone()),
        reference: document.and_then(|document| {
            document
                .buyer_reference
                .clone()
                .or_else(|| document.order_reference.clone())
        }),
        recipient: Recipient {
            eia,
            bid: buyer.company_id.clone(),
            name: buyer.name.clone(),
            country: buyer.country.clone(),
            operator,
        },
        date: document.and_then(|document| document.issue_date.clone()),
        date_due: document.and_then(|document| document.due_date.clone()),
        source_format: PEPPOL_BIS_30.to_owned(),
        sum: document.and_then(|document| document.totals.tax_exclusive),
        sum_tax: document.and_then(|document| document.totals.tax_inclusive),
        currency: document.and_then(|document| document.currency.clone()),
        created_at: now.to_owned(),
        destination: route.channel(),
        files,
        actions,
    }
}

/// Builds one action of an invoice's history.
pub fn action(
    action_type: ActionType,
    channel: Option<Channel>,
    message: &str,
    now: &str,
) -> Action {
    Action {
        action_type,
        channel,
        message: message.to_owned(),
        happened_at: now.to_owned(),
    }
}

fn group_fields(fields: &[(String, String)]) -> BTreeMap<String, Vec<String>> {
    let mut grouped: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, value) in fields {
        grouped.entry(name.clone()).or_default().push(value.clone());
    }
    grouped
}
