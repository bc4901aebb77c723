//! The fields an import can fill, the headings that name them (Swedish and English, and the
//! layouts Visma Administration and Fortnox export), and the guess of which column is which.
//! Our own exports use the first heading of each field, so an export reads straight back in.

/// One importable field: its key, its label in both languages, whether a row needs it, and the
/// headings that name it (compared without case, spaces, punctuation or accents).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FieldSpec {
    pub key: &'static str,
    pub label: (&'static str, &'static str),
    pub required: bool,
    pub headings: &'static [&'static str],
}

const fn field(
    key: &'static str,
    label: (&'static str, &'static str),
    required: bool,
    headings: &'static [&'static str],
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        required,
        headings,
    }
}

pub(crate) const CUSTOMER_FIELDS: &[FieldSpec] = &[
    field(
        "customer_number",
        ("Kundnummer", "Customer number"),
        false,
        &[
            "Kundnummer",
            "Kundnr",
            "Kund nr",
            "Customer number",
            "Customer no",
            "Customer id",
            "CustomerNumber",
        ],
    ),
    field(
        "kind",
        ("Kundtyp", "Customer type"),
        false,
        &["Kundtyp", "Typ", "Type", "Customer type", "Privat/Företag"],
    ),
    field(
        "name",
        ("Namn", "Name"),
        true,
        &[
            "Namn",
            "Kundnamn",
            "Företagsnamn",
            "Name",
            "Customer name",
            "Company name",
            "Företag",
        ],
    ),
    field(
        "legal_id",
        ("Org-/personnummer", "Org./personal number"),
        false,
        &[
            "Organisationsnummer",
            "Org.nr",
            "Orgnr",
            "Organisationsnr",
            "Personnummer",
            "Org.nr/Pers.nr",
            "Organisationsnummer/personnummer",
            "Organisation number",
            "Organization number",
            "Registration number",
            "Corporate identity number",
        ],
    ),
    field(
        "vat_number",
        ("Momsregistreringsnummer", "VAT number"),
        false,
        &[
            "Momsregistreringsnummer",
            "Momsreg.nr",
            "Momsregnr",
            "Momsnummer",
            "VAT-nummer",
            "VAT nummer",
            "VAT number",
            "VAT no",
            "VAT",
        ],
    ),
    field(
        "address.street",
        ("Adress", "Address"),
        false,
        &[
            "Adress",
            "Gatuadress",
            "Utdelningsadress",
            "Adress 1",
            "Fakturaadress",
            "Address",
            "Address 1",
            "Street",
        ],
    ),
    field(
        "address.street2",
        ("Adress 2", "Address 2"),
        false,
        &[
            "Adress 2",
            "Adress2",
            "Co-adress",
            "c/o",
            "Address 2",
            "Street 2",
        ],
    ),
    field(
        "address.postal_code",
        ("Postnummer", "Postal code"),
        false,
        &[
            "Postnummer",
            "Postnr",
            "Post nr",
            "Postal code",
            "Postcode",
            "Zip",
            "Zip code",
        ],
    ),
    field(
        "address.city",
        ("Ort", "City"),
        false,
        &["Ort", "Postort", "Stad", "City", "Town"],
    ),
    field(
        "address.country_code",
        ("Land", "Country"),
        false,
        &["Land", "Landskod", "Country", "Country code"],
    ),
    field(
        "delivery_address.street",
        ("Leveransadress", "Delivery address"),
        false,
        &[
            "Leveransadress",
            "Leveransadress 1",
            "Lev. adress",
            "Delivery address",
            "Delivery street",
        ],
    ),
    field(
        "delivery_address.street2",
        ("Leveransadress 2", "Delivery address 2"),
        false,
        &["Leveransadress 2", "Delivery address 2"],
    ),
    field(
        "delivery_address.postal_code",
        ("Leveranspostnummer", "Delivery postal code"),
        false,
        &[
            "Leveranspostnummer",
            "Lev. postnr",
            "Leveranspostnr",
            "Delivery postal code",
            "Delivery zip",
        ],
    ),
    field(
        "delivery_address.city",
        ("Leveransort", "Delivery city"),
        false,
        &["Leveransort", "Lev. ort", "Delivery city"],
    ),
    field(
        "delivery_address.country_code",
        ("Leveransland", "Delivery country"),
        false,
        &["Leveransland", "Delivery country"],
    ),
    field(
        "email",
        ("E-post", "E-mail"),
        false,
        &[
            "E-post",
            "Epost",
            "E-postadress",
            "E-post faktura",
            "Fakturaepost",
            "E-post för faktura",
            "Email",
            "E-mail",
            "Invoice email",
        ],
    ),
    field(
        "copy_email",
        ("E-post för kopior", "Copy e-mail"),
        false,
        &[
            "E-post för kopior",
            "E-post kopia",
            "Kopia e-post",
            "Kopieadress",
            "Copy e-mail",
            "Copy email",
            "CC e-mail",
        ],
    ),
    field(
        "phone",
        ("Telefon", "Phone"),
        false,
        &[
            "Telefon",
            "Tel",
            "Telefon 1",
            "Telefonnummer",
            "Mobil",
            "Phone",
            "Telephone",
        ],
    ),
    field(
        "contact_name",
        ("Kontaktperson", "Contact person"),
        false,
        &["Kontaktperson", "Kontakt", "Contact", "Contact person"],
    ),
    field(
        "our_reference",
        ("Vår referens", "Our reference"),
        false,
        &["Vår referens", "Vår ref", "Our reference"],
    ),
    field(
        "your_reference",
        ("Er referens", "Your reference"),
        false,
        &["Er referens", "Er ref", "Your reference"],
    ),
    field(
        "buyer_reference",
        ("Referenskod", "Buyer reference"),
        false,
        &["Referenskod", "Buyer reference", "Beställarreferens"],
    ),
    field(
        "payment_terms",
        ("Betalningsvillkor", "Payment terms"),
        false,
        &["Betalningsvillkor", "Villkor", "Payment terms", "Terms"],
    ),
    field(
        "currency",
        ("Valuta", "Currency"),
        false,
        &["Valuta", "Currency"],
    ),
    field(
        "language",
        ("Språk", "Language"),
        false,
        &["Språk", "Språkkod", "Language"],
    ),
    field(
        "delivery_choice",
        ("Utskriftsval", "Delivery choice"),
        false,
        &[
            "Utskriftsval",
            "Fakturaleverans",
            "Leveranssätt faktura",
            "Distribution",
            "Delivery choice",
        ],
    ),
    field(
        "vat_treatment",
        ("Momsbehandling", "VAT treatment"),
        false,
        &[
            "Momsbehandling",
            "Momstyp",
            "Momskod",
            "VAT treatment",
            "VAT type",
        ],
    ),
    field(
        "notes",
        ("Anteckningar", "Notes"),
        false,
        &[
            "Anteckningar",
            "Anteckning",
            "Notering",
            "Kommentar",
            "Notes",
            "Comment",
        ],
    ),
    field(
        "archived",
        ("Arkiverad", "Archived"),
        false,
        &["Arkiverad", "Inaktiv", "Archived", "Inactive"],
    ),
];

pub(crate) const ARTICLE_FIELDS: &[FieldSpec] = &[
    field(
        "article_number",
        ("Artikelnummer", "Article number"),
        true,
        &[
            "Artikelnummer",
            "Artikelnr",
            "Art.nr",
            "Artnr",
            "Article number",
            "Item number",
            "Product number",
            "SKU",
        ],
    ),
    field(
        "name",
        ("Benämning", "Name"),
        true,
        &[
            "Benämning",
            "Namn",
            "Artikelnamn",
            "Beskrivning",
            "Name",
            "Description",
            "Product name",
        ],
    ),
    field("unit", ("Enhet", "Unit"), false, &["Enhet", "Unit"]),
    field(
        "unit_price",
        ("Pris", "Price"),
        false,
        &[
            "Pris",
            "À-pris",
            "A-pris",
            "Försäljningspris",
            "Pris exkl moms",
            "Price",
            "Unit price",
            "Sales price",
        ],
    ),
    field(
        "vat_rate_class",
        ("Momsklass", "VAT class"),
        false,
        &[
            "Momsklass",
            "Moms",
            "Momssats",
            "Moms %",
            "VAT",
            "VAT rate",
            "VAT class",
        ],
    ),
    field(
        "kind",
        ("Typ", "Type"),
        false,
        &["Typ", "Artikeltyp", "Vara/Tjänst", "Type"],
    ),
    field(
        "archived",
        ("Arkiverad", "Archived"),
        false,
        &["Arkiverad", "Inaktiv", "Archived", "Inactive"],
    ),
];

pub(crate) const OPENING_FIELDS: &[FieldSpec] = &[
    field(
        "number",
        ("Fakturanummer", "Invoice number"),
        true,
        &[
            "Fakturanummer",
            "Fakturanr",
            "Faktura nr",
            "Invoice number",
            "Invoice no",
        ],
    ),
    field(
        "customer_number",
        ("Kundnummer", "Customer number"),
        true,
        &["Kundnummer", "Kundnr", "Customer number", "Customer no"],
    ),
    field(
        "issue_date",
        ("Fakturadatum", "Invoice date"),
        true,
        &["Fakturadatum", "Datum", "Invoice date", "Date"],
    ),
    field(
        "due_date",
        ("Förfallodatum", "Due date"),
        true,
        &["Förfallodatum", "Förfallodag", "Förfaller", "Due date"],
    ),
    field(
        "amount_left",
        ("Restbelopp", "Amount left"),
        true,
        &[
            "Restbelopp",
            "Återstående belopp",
            "Kvar att betala",
            "Obetalt",
            "Saldo",
            "Amount left",
            "Outstanding",
            "Remaining",
            "Balance",
        ],
    ),
    field(
        "ocr",
        ("OCR", "OCR reference"),
        false,
        &[
            "OCR",
            "OCR-nummer",
            "Betalningsreferens",
            "Payment reference",
        ],
    ),
    field(
        "currency",
        ("Valuta", "Currency"),
        false,
        &["Valuta", "Currency"],
    ),
    field(
        "exchange_rate",
        ("Kurs", "Exchange rate"),
        false,
        &["Kurs", "Valutakurs", "Exchange rate"],
    ),
];

/// A heading reduced to what identifies it: lower case, letters and digits only, å/ä/ö/é as a/a/o/e.
pub(crate) fn normalised(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'å' | 'ä' | 'à' | 'á' => Some('a'),
            'ö' | 'ø' => Some('o'),
            'é' | 'è' => Some('e'),
            'ü' => Some('u'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// For each column, the field its heading names (or `None`); each field is given to its first
/// column only.
pub(crate) fn guess_columns(headers: &[String], fields: &[FieldSpec]) -> Vec<Option<&'static str>> {
    let mut taken: Vec<&'static str> = Vec::new();
    headers
        .iter()
        .map(|header| {
            let header = normalised(header);
            let found = fields.iter().find(|field| {
                !taken.contains(&field.key)
                    && field
                        .headings
                        .iter()
                        .any(|heading| normalised(heading) == header)
            });
            found.map(|field| {
                taken.push(field.key);
                field.key
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|header| (*header).to_owned()).collect()
    }

    #[test]
    fn swedish_english_visma_and_fortnox_headings_are_recognised() {
        let guessed = guess_columns(
            &headers(&[
                "Kundnr",
                "Namn",
                "Org.nr",
                "Momsreg.nr",
                "Postnr",
                "Ort",
                "E-post faktura",
                "Okänd",
            ]),
            CUSTOMER_FIELDS,
        );
        assert_eq!(
            guessed,
            [
                Some("customer_number"),
                Some("name"),
                Some("legal_id"),
                Some("vat_number"),
                Some("address.postal_code"),
                Some("address.city"),
                Some("email"),
                None
            ]
        );
        let guessed = guess_columns(
            &headers(&[
                "Customer number",
                "Name",
                "Organisation number",
                "VAT number",
                "Zip code",
                "City",
                "Email",
            ]),
            CUSTOMER_FIELDS,
        );
        assert!(guessed.iter().all(Option::is_some), "{guessed:?}");
        let guessed = guess_columns(
            &headers(&["Art.nr", "Benämning", "À-pris", "Moms %"]),
            ARTICLE_FIELDS,
        );
        assert_eq!(
            guessed,
            [
                Some("article_number"),
                Some("name"),
                Some("unit_price"),
                Some("vat_rate_class")
            ]
        );
    }

    #[test]
    fn each_field_takes_one_column() {
        let guessed = guess_columns(&headers(&["Namn", "Kundnamn"]), CUSTOMER_FIELDS);
        assert_eq!(guessed, [Some("name"), None]);
    }
}
