//! `Secret` holds an API key in memory so that it cannot reach a log, an IPC reply or a file by accident:
//! its Debug prints `<redacted>`, it has no Display and no Serialize, and reading it takes a call named
//! `expose`, which is easy to find in review. When a `Secret` (or a clone of it) is dropped, its
//! bytes are overwritten with zeroes (the zeroize crate), so a key does not linger in freed memory.

use std::fmt;

use zeroize::Zeroize;

/// A credential. Cloning is allowed; printing is not.
///
/// ```compile_fail
/// let secret = fakturera_autoinvoice::Secret::new("api-key");
/// println!("{secret}"); // no Display
/// ```
///
/// ```compile_fail
/// fn needs_serialize<T: serde::Serialize>(_: &T) {}
/// needs_serialize(&fakturera_autoinvoice::Secret::new("api-key")); // no Serialize
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The credential itself, for the one place that sends it (the token request).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("<redacted>")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_the_value() {
        let secret = Secret::new("hemligt-lösenord");
        assert_eq!(format!("{secret:?}"), "<redacted>");
        assert_eq!(
            format!("{:#?}", Some(secret.clone())),
            "Some(\n    <redacted>,\n)"
        );
        assert_eq!(secret.expose(), "hemligt-lösenord");
    }

    #[test]
    fn dropping_zeroizes_the_value() {
        // What Drop does, observed on a value we still own: the bytes become zeroes and the
        // string empty, so nothing of the key is left for the allocator to hand out again.
        let mut key = String::from("hemligt-lösenord");
        key.zeroize();
        assert!(key.is_empty());
        let secret = Secret::new("k");
        let copy = secret.clone();
        drop(secret);
        assert_eq!(copy.expose(), "k", "a clone owns its own copy");
    }
}
