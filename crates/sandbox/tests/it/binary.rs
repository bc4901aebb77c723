//! `autoinvoice-sandbox --port 0` prints the address it bound, and serves the demo company there.

use crate::support::demo_token_form;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[tokio::test]
async fn the_binary_prints_its_address_and_serves_the_demo_company() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_autoinvoice-sandbox"))
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).map(|_| line)
    })
    .await
    .expect("reader")
    .expect("one line");
    let base = line
        .trim()
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        base.starts_with("http://127.0.0.1:") && !base.ends_with(":0"),
        "{line}"
    );

    let answer = reqwest::Client::new()
        .post(format!("{base}/oauth2/token"))
        .form(&demo_token_form())
        .send()
        .await;
    let _ = child.kill();
    let _ = child.wait();
    let answer = answer.expect("the printed address answers");
    assert_eq!(answer.status().as_u16(), 200);
}
