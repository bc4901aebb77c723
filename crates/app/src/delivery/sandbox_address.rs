//! Where the "sandbox" environment may point: a local AutoInvoice stand-in on this computer, and
//! only in builds made for development or demos. The token request carries the API key and the
//! vendor key, so a sandbox address anywhere else (typed, or planted in a company file) would send
//! them there, perhaps in clear text. Production and the test server have fixed HTTPS addresses.

use fakturera_core::Text;

/// Whether this build offers the sandbox at all: debug builds, or a release build with the
/// `sandbox-environment` feature (benchmarks). The installers have neither.
pub const SANDBOX_AVAILABLE: bool = cfg!(debug_assertions) || cfg!(feature = "sandbox-environment");

/// Why `address` cannot be the sandbox, or `None` when it can: an http(s) URL whose host is a
/// loopback address (127.0.0.0/8, ::1) or `localhost`, with no user name or password in it.
pub fn sandbox_address_problem(address: &str) -> Option<Text> {
    if !SANDBOX_AVAILABLE {
        return Some(Text::new(
            "Den här versionen av Fakturera skickar bara till AutoInvoice (produktion eller testservern), inte till en sandlåda.",
            "This version of Fakturera sends only to AutoInvoice (production or the test server), not to a sandbox.",
        ));
    }
    let loopback = url::Url::parse(address.trim()).ok().is_some_and(|url| {
        matches!(url.scheme(), "http" | "https")
            && url.username().is_empty()
            && url.password().is_none()
            && match url.host() {
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
                None => false,
            }
    });
    (!loopback).then(|| {
        Text::new(
            "Sandlådan måste köras på den här datorn: ange en adress som http://127.0.0.1:8787 eller http://localhost:8787.",
            "The sandbox must run on this computer: enter an address such as http://127.0.0.1:8787 or http://localhost:8787.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_addresses_are_a_sandbox() {
        let cases = [
            ("http://127.0.0.1:8787", true),
            ("https://127.0.0.2:1", true),
            ("http://localhost:8787/", true),
            ("http://LOCALHOST", true),
            ("http://[::1]:8787", true),
            ("http://192.168.1.10:8787", false),
            ("https://ax.example.com", false),
            ("http://localhost.example.com", false),
            ("http://127.0.0.1.nip.io", false),
            ("http://user:pw@127.0.0.1:8787", false),
            ("ftp://127.0.0.1", false),
            ("file:///etc/passwd", false),
            ("127.0.0.1:8787", false),
            ("", false),
        ];
        for (address, allowed) in cases {
            assert_eq!(
                sandbox_address_problem(address).is_none(),
                allowed && SANDBOX_AVAILABLE,
                "{address}"
            );
        }
    }
}
