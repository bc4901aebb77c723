//! Exact invoice totals, following EN 16931's calculation rules.
//!
//! Line net amounts are rounded to öre before they are summed (BR-CO-10); VAT is computed once per
//! category and rate on the summed taxable amount and rounded to öre (BR-CO-17), never per line; the
//! whole-kronor rounding is a separate amount (BT-114) so that line and VAT amounts keep their öre.
//! An invoice-level discount is a document-level allowance per VAT rate (BT-107), see `allowance`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::allowance::{DocumentAllowance, VatKey, allowance, group_sums, shares, vat_key};
use super::document::{Invoice, PriceEntry, Rounding};
use super::line::{Charge, Discount, InvoiceLine};
use super::vat_inclusive::back_calculate_group;
use crate::money::{round_to_krona, round_to_ore};
use crate::vat::{Exemption, LineVat, VatCategory};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// The amounts of one line, all excluding VAT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineAmounts {
    /// The unit price excluding VAT (BT-146); back-calculated when prices were entered with VAT.
    pub net_unit_price: Decimal,
    /// The discount in money, excluding VAT (BT-136).
    pub discount: Decimal,
    /// The line net amount (BT-131): quantity × net price − discount, in öre.
    pub net: Decimal,
}

/// The taxable amount and VAT of one category and rate (BG-23).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatSubtotal {
    pub category: VatCategory,
    pub rate: Decimal,
    pub taxable_amount: Decimal,
    pub vat_amount: Decimal,
    pub exemption: Option<Exemption>,
}

/// Every total of an invoice, in the invoice currency unless the name says SEK.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// One entry per line, in line order.
    pub lines: Vec<LineAmounts>,
    /// The net amount of each document-level charge, in charge order.
    pub charges: Vec<Decimal>,
    /// The invoice-level discount, one allowance per VAT category and rate of the lines.
    pub allowances: Vec<DocumentAllowance>,
    /// Sum of line net amounts (BT-106).
    pub line_net_total: Decimal,
    /// Sum of document-level allowances (BT-107).
    pub allowance_total: Decimal,
    /// Sum of document-level charges (BT-108).
    pub charge_total: Decimal,
    /// Total without VAT (BT-109): lines − allowances + charges.
    pub tax_exclusive: Decimal,
    /// One entry per VAT category and rate, ordered by category then rate (highest first).
    pub vat_breakdown: Vec<VatSubtotal>,
    /// Total VAT (BT-110).
    pub vat_total: Decimal,
    /// Total with VAT (BT-112).
    pub tax_inclusive: Decimal,
    /// Öresavrundning (BT-114).
    pub rounding: Decimal,
    /// Amount due (BT-115).
    pub payable: Decimal,
    /// Total VAT in SEK (BT-111), for invoices in another currency.
    pub vat_total_sek: Decimal,
    /// The amount due in SEK, for reporting.
    pub payable_sek: Decimal,
}

/// Quantity × price − discount before rounding, and the discount amount (rounded to öre).
fn gross_and_discount(line: &InvoiceLine) -> (Decimal, Decimal) {
    let gross = line.quantity * line.unit_price;
    let discount = match line.discount {
        Discount::None => Decimal::ZERO,
        Discount::Percent(percent) => round_to_ore(gross * percent / HUNDRED),
        Discount::Amount(amount) => round_to_ore(amount),
    };
    (gross, discount)
}

/// Computes every total of `invoice`.
pub fn compute_totals(invoice: &Invoice) -> Totals {
    let (lines, charges, allowances) = match invoice.price_entry {
        PriceEntry::ExcludingVat => {
            let (lines, charges) = net_amounts_from_net_prices(&invoice.lines, &invoice.charges);
            let groups = group_sums(
                invoice
                    .lines
                    .iter()
                    .map(|line| line.vat)
                    .zip(lines.iter().map(|amounts| amounts.net)),
            );
            let bases: Vec<Decimal> = groups.iter().map(|(_, base)| *base).collect();
            let allowances = shares(invoice.discount, &bases)
                .into_iter()
                .zip(groups)
                .filter(|(amount, _)| !amount.is_zero())
                .map(|(amount, (vat, base))| allowance(invoice.discount, vat, base, amount))
                .collect();
            (lines, charges, allowances)
        }
        PriceEntry::IncludingVat => {
            net_amounts_from_gross_prices(&invoice.lines, &invoice.charges, invoice.discount)
        }
    };

    let mut taxable_by_key: BTreeMap<VatKey, (Decimal, LineVat)> = BTreeMap::new();
    let items = invoice
        .lines
        .iter()
        .map(|line| line.vat)
        .zip(lines.iter().map(|amounts| amounts.net))
        .chain(
            invoice
                .charges
                .iter()
                .map(|charge| charge.vat)
                .zip(charges.iter().copied()),
        );
    let lowered = allowances
        .iter()
        .map(|allowance: &DocumentAllowance| (allowance.vat, -allowance.amount));
    for (vat, net) in items.chain(lowered) {
        taxable_by_key
            .entry(vat_key(vat))
            .or_insert((Decimal::ZERO, vat))
            .0 += net;
    }

    let vat_breakdown: Vec<VatSubtotal> = taxable_by_key
        .into_values()
        .map(|(taxable_amount, vat)| {
            let rate = vat.effective_rate();
            VatSubtotal {
                category: vat.category(),
                rate,
                taxable_amount,
                vat_amount: round_to_ore(taxable_amount * rate / HUNDRED),
                exemption: vat.treatment.exemption(),
            }
        })
        .collect();

    let line_net_total: Decimal = lines.iter().map(|amounts| amounts.net).sum();
    let allowance_total: Decimal = allowances.iter().map(|allowance| allowance.amount).sum();
    let charge_total: Decimal = charges.iter().copied().sum();
    let tax_exclusive = line_net_total - allowance_total + charge_total;
    let vat_total: Decimal = vat_breakdown
        .iter()
        .map(|subtotal| subtotal.vat_amount)
        .sum();
    let tax_inclusive = tax_exclusive + vat_total;
    let rounding = match invoice.rounding {
        Rounding::None => Decimal::ZERO,
        Rounding::WholeKronor => round_to_krona(tax_inclusive) - tax_inclusive,
    };
    let payable = tax_inclusive + rounding;
    let (vat_total_sek, payable_sek) = if invoice.currency.is_sek() {
        (vat_total, payable)
    } else {
        (
            round_to_ore(vat_total * invoice.exchange_rate),
            round_to_ore(payable * invoice.exchange_rate),
        )
    };

    Totals {
        lines,
        charges,
        allowances,
        line_net_total,
        allowance_total,
        charge_total,
        tax_exclusive,
        vat_breakdown,
        vat_total,
        tax_inclusive,
        rounding,
        payable,
        vat_total_sek,
        payable_sek,
    }
}

/// Prices without VAT: each line's net is quantity × price − discount, rounded to öre.
fn net_amounts_from_net_prices(
    lines: &[InvoiceLine],
    charges: &[Charge],
) -> (Vec<LineAmounts>, Vec<Decimal>) {
    let lines = lines
        .iter()
        .map(|line| {
            let (gross, discount) = gross_and_discount(line);
            LineAmounts {
                net_unit_price: line.unit_price,
                discount,
                net: round_to_ore(gross - discount),
            }
        })
        .collect();
    let charges = charges
        .iter()
        .map(|charge| round_to_ore(charge.amount))
        .collect();
    (lines, charges)
}

/// Prices with VAT: the entered amounts are summed per VAT group and the group's net amount is
/// back-calculated so that net + VAT gives back what the user entered; the net is then shared out
/// over the group's lines, charges and its share of the invoice-level discount (entered with VAT
/// too, so the payable amount is what the user expects).
fn net_amounts_from_gross_prices(
    lines: &[InvoiceLine],
    charges: &[Charge],
    discount: Discount,
) -> (Vec<LineAmounts>, Vec<Decimal>, Vec<DocumentAllowance>) {
    let line_grosses: Vec<(Decimal, Decimal)> = lines
        .iter()
        .map(|line| {
            let (gross, discount) = gross_and_discount(line);
            (round_to_ore(gross - discount), discount)
        })
        .collect();
    let charge_grosses: Vec<Decimal> = charges
        .iter()
        .map(|charge| round_to_ore(charge.amount))
        .collect();

    // The discount's share of each VAT group's lines, with VAT, as a negative item of the group.
    let line_groups = group_sums(
        lines
            .iter()
            .map(|line| line.vat)
            .zip(line_grosses.iter().map(|(gross, _)| *gross)),
    );
    let group_grosses: Vec<Decimal> = line_groups.iter().map(|(_, gross)| *gross).collect();
    let discounted: Vec<(LineVat, Decimal)> = shares(discount, &group_grosses)
        .into_iter()
        .zip(&line_groups)
        .filter(|(share, _)| !share.is_zero())
        .map(|(share, (vat, _))| (*vat, share))
        .collect();

    // Item i < lines.len() is a line, then the charges, then the discount shares, in order.
    let vats: Vec<LineVat> = lines
        .iter()
        .map(|line| line.vat)
        .chain(charges.iter().map(|charge| charge.vat))
        .chain(discounted.iter().map(|(vat, _)| *vat))
        .collect();
    let grosses: Vec<Decimal> = line_grosses
        .iter()
        .map(|(gross, _)| *gross)
        .chain(charge_grosses.iter().copied())
        .chain(discounted.iter().map(|(_, share)| -*share))
        .collect();

    let mut nets = vec![Decimal::ZERO; grosses.len()];
    let mut groups: BTreeMap<VatKey, Vec<usize>> = BTreeMap::new();
    for (index, vat) in vats.iter().enumerate() {
        groups.entry(vat_key(*vat)).or_default().push(index);
    }
    for (key, members) in groups {
        let rate = key.1.0;
        let member_grosses: Vec<Decimal> = members.iter().map(|&index| grosses[index]).collect();
        for (&index, net) in members
            .iter()
            .zip(back_calculate_group(&member_grosses, rate))
        {
            nets[index] = net;
        }
    }

    let line_amounts: Vec<LineAmounts> = lines
        .iter()
        .zip(&line_grosses)
        .zip(&nets)
        .map(|((line, (_, discount_with_vat)), &net)| {
            let factor = Decimal::ONE + line.vat.effective_rate() / HUNDRED;
            let discount = round_to_ore(*discount_with_vat / factor);
            let net_unit_price = if line.quantity.is_zero() {
                Decimal::ZERO
            } else {
                ((net + discount) / line.quantity).round_dp(6).normalize()
            };
            LineAmounts {
                net_unit_price,
                discount,
                net,
            }
        })
        .collect();
    let charges_end = lines.len() + charges.len();
    let charge_amounts = nets[lines.len()..charges_end].to_vec();
    let net_groups = group_sums(
        lines
            .iter()
            .map(|line| line.vat)
            .zip(line_amounts.iter().map(|amounts| amounts.net)),
    );
    let allowances = discounted
        .iter()
        .zip(&nets[charges_end..])
        .map(|((vat, _), net)| {
            let base = net_groups
                .iter()
                .find(|(group, _)| vat_key(*group) == vat_key(*vat))
                .map_or(Decimal::ZERO, |(_, base)| *base);
            allowance(discount, *vat, base, -*net)
        })
        .collect();
    (line_amounts, charge_amounts, allowances)
}
