//! How a customer wants invoices delivered (utskriftsval), stored on customers and the company.

/// The customer's delivery choice, as in Visma Administration's "utskriftsval".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DeliveryChoice {
    /// E-faktura via Peppol.
    EInvoice,
    /// E-post med PDF.
    Email,
    /// Brev.
    Letter,
    /// Let AutoInvoice pick the best channel it can reach.
    #[default]
    Automatic,
}

impl DeliveryChoice {
    pub const ALL: [DeliveryChoice; 4] = [
        DeliveryChoice::EInvoice,
        DeliveryChoice::Email,
        DeliveryChoice::Letter,
        DeliveryChoice::Automatic,
    ];

    /// The stable storage code.
    pub fn code(self) -> &'static str {
        match self {
            DeliveryChoice::EInvoice => "einvoice",
            DeliveryChoice::Email => "email",
            DeliveryChoice::Letter => "letter",
            DeliveryChoice::Automatic => "auto",
        }
    }

    pub fn from_code(code: &str) -> Option<DeliveryChoice> {
        Self::ALL.into_iter().find(|choice| choice.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for choice in DeliveryChoice::ALL {
            assert_eq!(DeliveryChoice::from_code(choice.code()), Some(choice));
        }
        assert_eq!(DeliveryChoice::from_code("fax"), None);
    }
}
