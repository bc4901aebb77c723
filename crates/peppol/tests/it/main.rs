//! Integration tests of the Peppol writer and pre-send checks against the official offline validator.
//!
//! The validator compiles its rules once per call, so one test writes every file (the scenario table,
//! the deliberate breaks and the tampered sums) and validates them all in a single call.

mod breaks;
mod combinations;
mod content;
mod scenarios;
mod sums;
use fakturera_official_validator as validator;
mod xml_paths;

use std::path::PathBuf;

use fakturera_peppol::{Severity, check_before_send, write_ubl};

/// The rule ids our own checks use that come from Swedish law, not from the validator.
const LAW_ONLY_RULES: [&str; 1] = ["SE-ML-17-24"];

#[test]
fn scenarios_validate_and_checks_agree_with_the_validator() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let write = |name: &str, xml: &str| -> PathBuf {
        let path = dir.path().join(format!("{name}.xml"));
        std::fs::write(&path, xml).unwrap_or_else(|e| panic!("write {name}: {e}"));
        path
    };

    let scenarios = scenarios::all();
    let mut scenario_files = Vec::new();
    for scenario in &scenarios {
        let xml = write_ubl(&scenario.invoice, scenario.attachment.as_ref())
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.name));
        scenario_files.push(write(scenario.name, &xml));
    }
    let breaks = breaks::all();
    let mut break_files = Vec::new();
    for broken in &breaks {
        let xml =
            write_ubl(&broken.invoice, None).unwrap_or_else(|e| panic!("{}: {e}", broken.name));
        break_files.push(write(&format!("break-{}", broken.name), &xml));
    }
    let tampered = sums::tampered_documents();
    let mut tampered_files = Vec::new();
    for case in &tampered {
        tampered_files.push(write(&format!("sum-{}", case.rule_id), &case.xml));
    }

    let combinations = combinations::issuable(150);
    let mut combination_files = Vec::new();
    for (name, invoice) in &combinations {
        let xml = write_ubl(invoice, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        combination_files.push(write(name, &xml));
    }

    let all_files: Vec<PathBuf> = scenario_files
        .iter()
        .chain(&break_files)
        .chain(&tampered_files)
        .chain(&combination_files)
        .cloned()
        .collect();
    let verdicts = validator::validate(&all_files);
    let verdict = |path: &PathBuf| verdicts.get(path).cloned().unwrap_or_default();
    let mut failures = Vec::new();

    // Every scenario: zero fatal findings, and our checks find nothing either (neither fires).
    for (scenario, path) in scenarios.iter().zip(&scenario_files) {
        let verdict = verdict(path);
        if verdict.fatal != 0 {
            let details: Vec<String> = verdict
                .findings
                .iter()
                .map(|f| format!("{} {} {}", f.flag, f.id, f.text))
                .collect();
            failures.push(format!(
                "{}: {} fatal\n    {}",
                scenario.name,
                verdict.fatal,
                details.join("\n    ")
            ));
        }
        for warning in verdict.findings.iter().filter(|f| f.flag != "fatal") {
            println!(
                "{}: validator warning {} {}",
                scenario.name, warning.id, warning.text
            );
        }
        let findings = check_before_send(&scenario.invoice);
        if !findings.is_empty() {
            failures.push(format!(
                "{}: pre-send checks fired on a valid invoice: {findings:?}",
                scenario.name
            ));
        }
    }

    // Every break: our check names the rule and the validator reports the same id; every error we
    // report (apart from rules of Swedish law) is one the validator reports too.
    for (broken, path) in breaks.iter().zip(&break_files) {
        let verdict = verdict(path);
        let findings = check_before_send(&broken.invoice);
        if !findings
            .iter()
            .any(|finding| finding.rule_id == broken.rule_id)
        {
            failures.push(format!(
                "{}: our checks did not report {}: {findings:?}",
                broken.name, broken.rule_id
            ));
        }
        let law_only = LAW_ONLY_RULES.contains(&broken.rule_id);
        if law_only && verdict.fatal != 0 {
            failures.push(format!(
                "{}: {} is a rule of Swedish law only, yet the validator failed the file: {:?}",
                broken.name,
                broken.rule_id,
                verdict.fatal_ids()
            ));
        }
        if !law_only && !verdict.fires(broken.rule_id) {
            failures.push(format!(
                "{}: the validator did not report {}: {:?}",
                broken.name,
                broken.rule_id,
                verdict.fatal_ids()
            ));
        }
        for finding in &findings {
            if !LAW_ONLY_RULES.contains(&finding.rule_id) && !verdict.fires(finding.rule_id) {
                failures.push(format!(
                    "{}: we report {} but the validator does not",
                    broken.name, finding.rule_id
                ));
            }
            let fatal_in_validator = verdict
                .findings
                .iter()
                .any(|f| f.id == finding.rule_id && f.flag == "fatal");
            if (finding.severity == Severity::Error) != fatal_in_validator
                && !LAW_ONLY_RULES.contains(&finding.rule_id)
            {
                failures.push(format!(
                    "{}: {} severity {:?} differs from the validator",
                    broken.name, finding.rule_id, finding.severity
                ));
            }
        }
    }

    // Every tampered sum: the validator reports the rule, and so does check_totals on the same change.
    for (case, path) in tampered.iter().zip(&tampered_files) {
        let verdict = verdict(path);
        if !verdict.fires(case.rule_id) {
            failures.push(format!(
                "tampered {}: the validator did not report it: {:?}",
                case.rule_id,
                verdict.fatal_ids()
            ));
        }
        if !case.check_rules.contains(&case.rule_id) {
            failures.push(format!(
                "tampered {}: check_totals did not report it: {:?}",
                case.rule_id, case.check_rules
            ));
        }
    }

    // Every combination core would issue: no error from our checks means nothing fatal from the
    // validator, and every error we report is reported by the validator too.
    let mut flagged: std::collections::BTreeMap<&str, usize> = Default::default();
    for ((name, invoice), path) in combinations.iter().zip(&combination_files) {
        let verdict = verdict(path);
        let errors: Vec<&str> = check_before_send(invoice)
            .into_iter()
            .filter(|finding| finding.severity == Severity::Error)
            .map(|finding| finding.rule_id)
            .collect();
        for rule in &errors {
            *flagged.entry(rule).or_default() += 1;
        }
        if errors.is_empty() && verdict.fatal != 0 {
            failures.push(format!(
                "{name}: checks passed but the validator found {:?}",
                verdict.fatal_ids()
            ));
        }
        for rule in errors.iter().filter(|rule| !LAW_ONLY_RULES.contains(rule)) {
            if !verdict.fires(rule) {
                failures.push(format!(
                    "{name}: we report {rule} but the validator does not"
                ));
            }
        }
    }
    println!(
        "{} combinations; pre-send errors by rule: {flagged:?}",
        combinations.len()
    );

    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
