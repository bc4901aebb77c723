//! The demo company, its customers and its articles: a Stockholm IT consultancy with the kinds
//! of customer a Swedish small business meets (e-invoice, e-mail, letter, EU, private, export).

use fakturera_core::Language;
use fakturera_core::money::Currency;
use fakturera_core::party::{Address, BuyerKind};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::samples;
use fakturera_core::unit::Unit;
use fakturera_core::vat::VatTreatment;
use fakturera_core::vat_rates::VatRateClass;
use fakturera_store::{Article, Company, Customer, DeliveryChoice};
use rust_decimal::Decimal;

fn address(street: &str, postal_code: &str, city: &str, country_code: &str) -> Address {
    Address {
        street: street.to_owned(),
        street2: String::new(),
        postal_code: postal_code.to_owned(),
        city: city.to_owned(),
        country_code: country_code.to_owned(),
    }
}

/// The demo company, built on the core's sample seller so documents and tests agree.
pub(crate) fn company(existing: &Company) -> Company {
    let seller = samples::seller();
    Company {
        name: seller.name,
        org_number: seller.org_number,
        vat_number: seller.vat_number,
        f_tax_approved: seller.f_tax_approved,
        address: seller.address.clone(),
        visiting_address: seller.address,
        phone: seller.phone,
        email: seller.email,
        website: seller.website,
        contact_name: seller.contact_name,
        bankgiro: seller.bankgiro,
        plusgiro: String::new(),
        iban: seller.iban,
        bic: seller.bic,
        late_payment_interest: seller.late_payment_interest,
        default_payment_terms: PaymentTerms::Net { days: 30 },
        invoice_fee: Decimal::ZERO,
        default_delivery: DeliveryChoice::Automatic,
        language: Language::Swedish,
        cash_rounding: true,
        ..existing.clone()
    }
}

/// One demo customer and how often it buys (relative weight) and whether it buys goods.
pub(crate) struct DemoCustomer {
    pub customer: Customer,
    pub weight: u32,
    pub buys_goods: bool,
    /// SEK per unit of the customer's currency, for foreign-currency customers.
    pub exchange_rate: Option<&'static str>,
}

fn customer(number: &str, name: &str, setup: impl FnOnce(&mut Customer)) -> Customer {
    let mut customer = Customer::new(number, name);
    setup(&mut customer);
    customer
}

pub(crate) fn customers() -> Vec<DemoCustomer> {
    vec![
        DemoCustomer {
            customer: customer("1001", "Göteborgs Byggservice AB", |c| {
                c.legal_id = "5560360793".into();
                c.vat_number = "SE556036079301".into();
                c.address = address("Östra Hamngatan 12", "411 10", "Göteborg", "SE");
                c.email = "ekonomi@gbgbygg.se".into();
                c.contact_name = "Per Öberg".into();
                c.your_reference = "Per Öberg".into();
                c.buyer_reference = "PROJ-4711".into();
                c.delivery_choice = DeliveryChoice::EInvoice;
                c.einvoice_address = Some("0007:5560360793".into());
            }),
            weight: 5,
            buys_goods: true,
            exchange_rate: None,
        },
        DemoCustomer {
            customer: customer("1002", "Nordljus Arkitekter AB", |c| {
                c.legal_id = "5566123450".into();
                c.vat_number = "SE556612345001".into();
                c.address = address("Stortorget 7", "211 22", "Malmö", "SE");
                c.email = "faktura@nordljus.se".into();
                c.your_reference = "Lina Holm".into();
                c.delivery_choice = DeliveryChoice::Email;
                c.payment_terms = Some(PaymentTerms::Net { days: 20 });
            }),
            weight: 4,
            buys_goods: true,
            exchange_rate: None,
        },
        DemoCustomer {
            customer: customer("1003", "Bergslagens Bageri HB", |c| {
                c.legal_id = "5567890123".into();
                c.vat_number = "SE556789012301".into();
                c.address = address("Drottninggatan 21", "702 10", "Örebro", "SE");
                c.your_reference = "Göran Ek".into();
                c.delivery_choice = DeliveryChoice::Letter;
                c.payment_terms = Some(PaymentTerms::EndOfMonthPlus { days: 10 });
            }),
            weight: 2,
            buys_goods: true,
            exchange_rate: None,
        },
        DemoCustomer {
            customer: customer("1004", "Müller Maschinenbau GmbH", |c| {
                c.legal_id = "HRB 12345".into();
                c.vat_number = "DE123456789".into();
                c.address = address("Königstraße 5", "70173", "Stuttgart", "DE");
                c.email = "rechnung@mueller-maschinenbau.de".into();
                c.your_reference = "Jürgen Müller".into();
                c.currency = Currency::parse("EUR").unwrap_or_else(|_| Currency::sek());
                c.language = Language::English;
                c.delivery_choice = DeliveryChoice::Email;
                c.vat_treatment = VatTreatment::EuServices;
            }),
            weight: 2,
            buys_goods: false,
            exchange_rate: Some("11.45"),
        },
        DemoCustomer {
            customer: customer("1005", "Åsa Lindqvist", |c| {
                c.kind = BuyerKind::Private;
                c.legal_id = "198112189876".into();
                c.address = address("Storgatan 3 B", "753 20", "Uppsala", "SE");
                c.email = "asa.lindqvist@example.se".into();
                c.delivery_choice = DeliveryChoice::Email;
                c.payment_terms = Some(PaymentTerms::Net { days: 10 });
            }),
            weight: 1,
            buys_goods: true,
            exchange_rate: None,
        },
        DemoCustomer {
            customer: customer("1006", "Fjord Supply AS", |c| {
                c.legal_id = "923609016".into();
                c.vat_number = "NO923609016MVA".into();
                c.address = address("Karl Johans gate 10", "0154", "Oslo", "NO");
                c.email = "invoice@fjordsupply.no".into();
                c.language = Language::English;
                c.delivery_choice = DeliveryChoice::Email;
                c.vat_treatment = VatTreatment::Export;
            }),
            weight: 1,
            buys_goods: true,
            exchange_rate: None,
        },
        DemoCustomer {
            customer: customer("1007", "Region Uppsala", |c| {
                c.legal_id = "2321000024".into();
                c.vat_number = "SE232100002401".into();
                c.address = address("Box 602", "751 25", "Uppsala", "SE");
                c.buyer_reference = "4711-IT".into();
                c.your_reference = "Karin Sjöberg".into();
                c.delivery_choice = DeliveryChoice::EInvoice;
                c.einvoice_address = Some("0007:2321000024".into());
            }),
            weight: 3,
            buys_goods: false,
            exchange_rate: None,
        },
        DemoCustomer {
            customer: customer("1008", "Sundsvalls Elektriska AB", |c| {
                c.legal_id = "5590123450".into();
                c.vat_number = "SE559012345001".into();
                c.address = address("Storgatan 30", "852 30", "Sundsvall", "SE");
                c.email = "ekonomi@sundsvallsel.se".into();
                c.your_reference = "Mats Nyström".into();
                c.delivery_choice = DeliveryChoice::Automatic;
            }),
            weight: 3,
            buys_goods: true,
            exchange_rate: None,
        },
        DemoCustomer {
            customer: customer("1009", "Kaffekompaniet i Lund AB", |c| {
                c.legal_id = "5565432100".into();
                c.vat_number = "SE556543210001".into();
                c.address = address("Klostergatan 4", "222 22", "Lund", "SE");
                c.email = "info@kaffekompaniet.se".into();
                c.delivery_choice = DeliveryChoice::Email;
            }),
            weight: 2,
            buys_goods: true,
            exchange_rate: None,
        },
    ]
}

fn article(
    number: &str,
    name: &str,
    unit: &str,
    price: Decimal,
    class: VatRateClass,
    is_service: bool,
) -> Article {
    Article {
        article_number: number.to_owned(),
        name: name.to_owned(),
        unit: Unit::new(unit),
        unit_price: price,
        vat_rate_class: class,
        is_service,
        archived: false,
    }
}

pub(crate) fn articles() -> Vec<Article> {
    let kr = |amount: i64| Decimal::new(amount, 2);
    vec![
        article(
            "KONS",
            "Konsultarvode, systemutveckling",
            "tim",
            kr(115_000),
            VatRateClass::Standard,
            true,
        ),
        article(
            "PROJ",
            "Projektledning",
            "tim",
            kr(125_000),
            VatRateClass::Standard,
            true,
        ),
        article(
            "SUPP",
            "Supportavtal, månadsavgift",
            "mån",
            kr(250_000),
            VatRateClass::Standard,
            true,
        ),
        article(
            "UTB",
            "Utbildningsdag, Excel och ekonomi",
            "dag",
            kr(890_000),
            VatRateClass::Standard,
            true,
        ),
        article(
            "LIC-12",
            "Licens Fakturera Pro, 12 månader",
            "st",
            kr(479_900),
            VatRateClass::Standard,
            false,
        ),
        article(
            "HW-LAP",
            "Bärbar dator 14\", 16 GB",
            "st",
            kr(1_499_500),
            VatRateClass::Standard,
            false,
        ),
        article(
            "HW-SKARM",
            "Bildskärm 27\" USB-C",
            "st",
            kr(329_000),
            VatRateClass::Standard,
            false,
        ),
        article(
            "KABEL",
            "USB-C-kabel 2 m",
            "st",
            kr(14_900),
            VatRateClass::Standard,
            false,
        ),
        article(
            "BOK",
            "Handbok: Fakturering i praktiken",
            "st",
            kr(34_900),
            VatRateClass::Reduced6,
            false,
        ),
        article(
            "FIKA",
            "Fikapaket till workshop",
            "st",
            kr(8_500),
            VatRateClass::Food,
            false,
        ),
        article(
            "RESA",
            "Tågresa i tjänsten",
            "st",
            kr(129_500),
            VatRateClass::Reduced6,
            true,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_core::ids::{LegalId, VatNumber};

    #[test]
    fn every_swedish_identifier_of_the_demo_customers_is_valid() {
        for demo in customers() {
            let customer = &demo.customer;
            if customer.address.is_swedish() {
                assert!(
                    LegalId::parse(&customer.legal_id).is_ok(),
                    "{}",
                    customer.name
                );
                if !customer.vat_number.is_empty() {
                    assert!(
                        VatNumber::parse(&customer.vat_number).is_ok(),
                        "{}",
                        customer.name
                    );
                }
            }
            assert!(customer.address.is_complete(), "{}", customer.name);
        }
    }

    #[test]
    fn the_customers_cover_every_delivery_and_kind_the_product_names() {
        let customers = customers();
        let has =
            |test: &dyn Fn(&Customer) -> bool| customers.iter().any(|demo| test(&demo.customer));
        assert!(has(
            &|c| c.delivery_choice == DeliveryChoice::EInvoice && c.einvoice_address.is_some()
        ));
        assert!(has(&|c| c.delivery_choice == DeliveryChoice::Email));
        assert!(has(&|c| c.delivery_choice == DeliveryChoice::Letter));
        assert!(has(&|c| c.vat_treatment == VatTreatment::EuServices));
        assert!(has(&|c| c.kind == BuyerKind::Private));
        assert!(has(&|c| c.vat_treatment == VatTreatment::Export));
    }
}
