//! A real round trip through the OS keychain: on Linux the Secret Service (gnome-keyring).
//!
//! Built only with the `os-keychain-tests` feature, because it needs an unlocked keyring on a
//! D-Bus session bus; `scripts/steps/*-keychain.sh` starts both and runs it.

use fakturera_app::keychain::{Keychain, OsKeychain, SecretName};
use fakturera_autoinvoice::Secret;

fn unique_service() -> String {
    format!("se.fakturera.test.{}", std::process::id())
}

#[test]
fn a_secret_survives_a_round_trip_and_is_gone_after_delete() {
    let keychain = OsKeychain::new(unique_service());
    let name = SecretName::ApiKey {
        company_id: "7f3c2b9e-0000-4000-8000-000000000001".to_owned(),
    };
    assert_eq!(
        keychain
            .read(&name)
            .expect("read before write")
            .map(|secret| secret.expose().to_owned()),
        None
    );

    keychain
        .write(&name, &Secret::new("api-key-ÅÄÖ-123".to_owned()))
        .expect("write");
    let read = keychain.read(&name).expect("read").expect("present");
    assert_eq!(read.expose(), "api-key-ÅÄÖ-123");

    // A second keychain object sees the same entry: it is in the OS store, not in our memory.
    let again = OsKeychain::new(unique_service())
        .read(&name)
        .expect("read again")
        .expect("present");
    assert_eq!(again.expose(), "api-key-ÅÄÖ-123");

    keychain
        .write(&name, &Secret::new("rotated".to_owned()))
        .expect("overwrite");
    assert_eq!(
        keychain
            .read(&name)
            .expect("read")
            .expect("present")
            .expose(),
        "rotated"
    );

    keychain.delete(&name).expect("delete");
    assert!(keychain.read(&name).expect("read after delete").is_none());
    keychain.delete(&name).expect("deleting twice is fine");
}

#[test]
fn dev_and_release_entries_do_not_meet() {
    let name = SecretName::VendorKey;
    let dev = OsKeychain::new(format!("{}.dev", unique_service()));
    let release = OsKeychain::new(unique_service());
    dev.write(&name, &Secret::new("dev-vendor".to_owned()))
        .expect("write dev");
    assert!(release.read(&name).expect("read release").is_none());
    dev.delete(&name).expect("clean up");
}
