//! Fault injection: a rule says which calls (path, method) misbehave for the next N times and how:
//! an HTTP status (429 with Retry-After included), a delay, or a dropped connection after the call
//! was handled, so its effect is stored but the reply is lost.

use serde::{Deserialize, Serialize};

/// One injected fault, as posted to `/_sandbox/faults`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// An exact path such as `/v1/invoices`, or a prefix ending in `*` such as `/v1/invoices/*`.
    pub path: String,
    /// Only calls with this method (any when absent).
    #[serde(default)]
    pub method: Option<String>,
    /// How many matching calls it affects.
    #[serde(default = "one")]
    pub times: u32,
    /// Answer with this status instead of handling the call.
    #[serde(default)]
    pub status: Option<u16>,
    /// The JSON body of that answer; `{code, message}` when absent.
    #[serde(default)]
    pub body: Option<serde_json::Value>,
    /// Seconds for a `Retry-After` header.
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// Wait this long before going on.
    #[serde(default)]
    pub delay_ms: Option<u64>,
    /// Handle the call, then close the connection without replying.
    #[serde(default)]
    pub drop_connection: bool,
}

fn one() -> u32 {
    1
}

impl Fault {
    /// Whether this rule applies to a call.
    pub fn matches(&self, method: &str, path: &str) -> bool {
        let path_matches = match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => self.path == path,
        };
        let method_matches = self
            .method
            .as_deref()
            .is_none_or(|wanted| wanted.eq_ignore_ascii_case(method));
        self.times > 0 && path_matches && method_matches
    }
}

/// Takes one use of the first rule that matches, if any, and drops rules that are used up.
pub fn take_fault(faults: &mut Vec<Fault>, method: &str, path: &str) -> Option<Fault> {
    let index = faults
        .iter()
        .position(|fault| fault.matches(method, path))?;
    let fault = faults.get_mut(index)?;
    fault.times -= 1;
    let taken = fault.clone();
    if fault.times == 0 {
        faults.remove(index);
    }
    Some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(path: &str, method: Option<&str>, times: u32) -> Fault {
        Fault {
            path: path.to_owned(),
            method: method.map(str::to_owned),
            times,
            status: Some(500),
            body: None,
            retry_after: None,
            delay_ms: None,
            drop_connection: false,
        }
    }

    #[test]
    fn matching_by_path_prefix_and_method() {
        let cases = [
            ("/v1/invoices", None, "POST", "/v1/invoices", true),
            ("/v1/invoices", None, "GET", "/v1/invoices/abc", false),
            ("/v1/invoices/*", None, "GET", "/v1/invoices/abc", true),
            ("/v1/invoices", Some("post"), "POST", "/v1/invoices", true),
            ("/v1/invoices", Some("POST"), "GET", "/v1/invoices", false),
        ];
        for (path, method, call_method, call_path, expected) in cases {
            assert_eq!(
                fault(path, method, 1).matches(call_method, call_path),
                expected,
                "{path} {call_path}"
            );
        }
    }

    #[test]
    fn a_rule_is_used_up_after_its_count() {
        let mut faults = vec![fault("/v1/invoices", None, 2)];
        assert!(take_fault(&mut faults, "POST", "/v1/invoices").is_some());
        assert!(take_fault(&mut faults, "POST", "/v1/invoices").is_some());
        assert!(take_fault(&mut faults, "POST", "/v1/invoices").is_none());
        assert!(faults.is_empty());
    }
}
