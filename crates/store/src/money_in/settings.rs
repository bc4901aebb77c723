//! How reminders, write-offs and interest are made: one row of settings and the customers who
//! must never be reminded.

use fakturera_core::Text;
use rusqlite::{ToSql, TransactionBehavior};
use rust_decimal::Decimal;

use crate::column_list::{ColumnList, MappedTable, owned};
use crate::error::StoreError;
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::CustomerId;
use crate::sql_values::StoredDecimal;

/// The highest reminder fee Swedish law allows (förordning om ersättning för inkassokostnader).
pub const MAX_REMINDER_FEE: Decimal = Decimal::from_parts(60, 0, 0, false, 0);

/// The money-in settings of the company file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivablesSettings {
    /// Days after the due date before an invoice is reminded.
    pub reminder_grace_days: u32,
    /// Less than this left to pay (SEK) is not reminded.
    pub reminder_min_amount: Decimal,
    /// The customers agreed in advance to a reminder fee (in the terms); without it none is charged.
    pub reminder_fee_agreed: bool,
    /// At most [`MAX_REMINDER_FEE`].
    pub reminder_fee: Decimal,
    /// Days the customer gets to pay after a reminder.
    pub reminder_pay_days: u32,
    /// Days after a reminder's pay-by date before the next step (second reminder, then inkasso).
    pub next_step_days: u32,
    /// A difference up to this (SEK, either way) may be written off in one step.
    pub write_off_limit: Decimal,
    /// Interest below this (SEK) is not invoiced.
    pub interest_min_amount: Decimal,
    /// Customers who never get a reminder or an interest invoice.
    pub exempt_customers: Vec<CustomerId>,
}

impl ReceivablesSettings {
    /// The fee a reminder carries: the agreed fee, or nothing.
    pub fn fee(&self) -> Decimal {
        if self.reminder_fee_agreed {
            self.reminder_fee.min(MAX_REMINDER_FEE)
        } else {
            Decimal::ZERO
        }
    }

    fn check(&self) -> Result<(), StoreError> {
        let bad = |field: &str, sv: &str, en: &str| {
            Err(StoreError::invalid_field(field, Text::new(sv, en)))
        };
        if self.reminder_fee < Decimal::ZERO || self.reminder_fee > MAX_REMINDER_FEE {
            return bad(
                "reminder_fee",
                "Påminnelseavgiften får vara högst 60 kr enligt lag. Ange ett belopp mellan 0 och 60.",
                "The reminder fee may be at most SEK 60 by law. Enter an amount between 0 and 60.",
            );
        }
        if self.reminder_min_amount < Decimal::ZERO
            || self.write_off_limit < Decimal::ZERO
            || self.interest_min_amount < Decimal::ZERO
        {
            return bad(
                "write_off_limit",
                "Beloppsgränserna kan inte vara negativa.",
                "The amount limits cannot be negative.",
            );
        }
        if self.write_off_limit > Decimal::ONE_HUNDRED {
            return bad(
                "write_off_limit",
                "Gränsen för öresdifferens får vara högst 100 kr; större skillnader ska bokas som betalning eller återbetalning.",
                "The write-off limit may be at most SEK 100; larger differences are booked as payments or refunds.",
            );
        }
        if self.reminder_grace_days > 365 || self.next_step_days > 365 {
            return bad(
                "reminder_grace_days",
                "Antal dagar får vara högst 365.",
                "The number of days may be at most 365.",
            );
        }
        if !(1..=90).contains(&self.reminder_pay_days) {
            return bad(
                "reminder_pay_days",
                "Betalningstiden efter en påminnelse ska vara mellan 1 och 90 dagar.",
                "The time to pay after a reminder must be between 1 and 90 days.",
            );
        }
        Ok(())
    }
}

/// The settings row's columns (the exempt customers have a table of their own).
const SETTINGS_COLUMNS: ColumnList<ReceivablesSettings> = ColumnList(&[
    ("reminder_grace_days", |s| s.reminder_grace_days.to_sql()),
    ("reminder_min_amount", |s| {
        owned(StoredDecimal(s.reminder_min_amount))
    }),
    ("reminder_fee_agreed", |s| s.reminder_fee_agreed.to_sql()),
    ("reminder_fee", |s| owned(StoredDecimal(s.reminder_fee))),
    ("reminder_pay_days", |s| s.reminder_pay_days.to_sql()),
    ("next_step_days", |s| s.next_step_days.to_sql()),
    ("write_off_limit", |s| {
        owned(StoredDecimal(s.write_off_limit))
    }),
    ("interest_min_amount", |s| {
        owned(StoredDecimal(s.interest_min_amount))
    }),
]);

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![
        ("receivables_settings", SETTINGS_COLUMNS.names().collect()),
        // The customers never reminded, written and read by the settings.
        ("reminder_exempt_customers", vec!["customer_id"]),
    ]
}

impl Store {
    /// The money-in settings.
    pub fn receivables_settings(&self) -> Result<ReceivablesSettings, StoreError> {
        let sql = format!(
            "SELECT {} FROM receivables_settings WHERE id = 1",
            SETTINGS_COLUMNS.select_list(None)
        );
        let mut settings = self.connection.query_row(&sql, [], |row| {
            Ok(ReceivablesSettings {
                reminder_grace_days: row.get("reminder_grace_days")?,
                reminder_min_amount: row.decimal("reminder_min_amount")?,
                reminder_fee_agreed: row.get("reminder_fee_agreed")?,
                reminder_fee: row.decimal("reminder_fee")?,
                reminder_pay_days: row.get("reminder_pay_days")?,
                next_step_days: row.get("next_step_days")?,
                write_off_limit: row.decimal("write_off_limit")?,
                interest_min_amount: row.decimal("interest_min_amount")?,
                exempt_customers: Vec::new(),
            })
        })?;
        settings.exempt_customers = self
            .connection
            .prepare_cached(
                "SELECT customer_id FROM reminder_exempt_customers ORDER BY customer_id",
            )?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(settings)
    }

    /// Saves the settings whole (and the exempt customers), or nothing when a value is out of range.
    pub fn set_receivables_settings(
        &mut self,
        settings: &ReceivablesSettings,
    ) -> Result<(), StoreError> {
        settings.check()?;
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        SETTINGS_COLUMNS.update(&transaction, "receivables_settings", settings, "id", &1)?;
        transaction.execute("DELETE FROM reminder_exempt_customers", [])?;
        for customer in &settings.exempt_customers {
            transaction.execute(
                "INSERT INTO reminder_exempt_customers (customer_id) VALUES (?1)",
                [customer],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }
}
