//! The dependency rules ARCHITECTURE.md draws, read from the page itself and checked against the
//! code, so the drawing and the code cannot drift apart: the app's modules depend one way, in the
//! order the code map lists them, and the two shells depend on `app` alone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The app's modules as ARCHITECTURE.md draws them, the bottom line first: the fenced block after
/// "Its modules depend one way". A parenthesis ends a line's names.
fn drawn_layers() -> Vec<Vec<String>> {
    let page = read(&workspace().join("ARCHITECTURE.md"));
    let mut lines = page
        .lines()
        .skip_while(|line| !line.contains("Its modules depend one way"))
        .skip(1);
    assert!(
        lines.next().is_some_and(|line| line.trim() == "```"),
        "ARCHITECTURE.md: the app's module drawing is not where it was"
    );
    let mut layers: Vec<Vec<String>> = lines
        .take_while(|line| line.trim() != "```")
        .map(|line| {
            line.split_whitespace()
                .take_while(|word| !word.starts_with('('))
                .map(str::to_owned)
                .collect()
        })
        .collect();
    layers.reverse();
    layers
}

/// The top-level modules `lib.rs` declares.
fn declared_modules() -> BTreeSet<String> {
    read(&workspace().join("crates/app/src/lib.rs"))
        .lines()
        .filter_map(|line| line.strip_prefix("pub mod "))
        .map(|name| name.trim_end_matches(';').to_owned())
        .collect()
}

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(folder).unwrap_or_else(|error| panic!("{folder:?}: {error}"));
    for entry in entries {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

/// Which top-level modules each module names by a `crate::` path, with a file where it does.
fn module_uses() -> BTreeMap<(String, String), String> {
    let source = workspace().join("crates/app/src");
    let mut files = Vec::new();
    rust_files(&source, &mut files);
    let mut uses = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&source).expect("inside src");
        let Some(first) = relative.components().next() else {
            continue;
        };
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if module == "lib" {
            continue;
        }
        for line in read(&file).lines() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for (at, _) in line.match_indices("crate::") {
                let used: String = line[at + "crate::".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                if !used.is_empty() && used != module {
                    uses.entry((module.clone(), used))
                        .or_insert_with(|| relative.display().to_string());
                }
            }
        }
    }
    uses
}

#[test]
fn the_apps_modules_depend_one_way_as_architecture_md_draws_them() {
    let layers = drawn_layers();
    let mut layer_of = BTreeMap::new();
    for (layer, names) in layers.iter().enumerate() {
        for name in names {
            assert!(
                layer_of.insert(name.clone(), layer).is_none(),
                "ARCHITECTURE.md draws `{name}` twice"
            );
        }
    }
    let drawn: BTreeSet<String> = layer_of.keys().cloned().collect();
    assert_eq!(
        drawn,
        declared_modules(),
        "ARCHITECTURE.md's drawing of the app's modules and lib.rs name different modules"
    );

    let uses = module_uses();
    let upward: Vec<String> = uses
        .iter()
        .filter(|((from, to), _)| {
            matches!((layer_of.get(from), layer_of.get(to)), (Some(low), Some(high)) if low < high)
        })
        .map(|((from, to), file)| format!("{from} -> {to} ({file})"))
        .collect();
    assert!(
        upward.is_empty(),
        "modules that use a module drawn above them: {upward:#?}"
    );

    // Modules on one line may use each other, but only one way.
    let mut remaining: BTreeSet<&String> = drawn.iter().collect();
    loop {
        let free: Vec<&String> = remaining
            .iter()
            .copied()
            .filter(|module| {
                !uses
                    .keys()
                    .any(|(from, to)| from == *module && remaining.contains(to))
            })
            .collect();
        if free.is_empty() {
            break;
        }
        for module in free {
            remaining.remove(module);
        }
    }
    assert!(
        remaining.is_empty(),
        "modules that depend on each other in a cycle: {remaining:?}"
    );
}

#[test]
fn the_shells_depend_on_app_alone() {
    for manifest in ["src-tauri/Cargo.toml", "crates/cli/Cargo.toml"] {
        let text = read(&workspace().join(manifest));
        let ours: Vec<&str> = text
            .lines()
            .skip_while(|line| line.trim() != "[dependencies]")
            .skip(1)
            .take_while(|line| !line.starts_with('['))
            .filter_map(|line| line.split(['.', '=', ' ']).next())
            .filter(|name| name.starts_with("fakturera-") || name.starts_with("autoinvoice-"))
            .collect();
        assert_eq!(ours, ["fakturera-app"], "{manifest}");
    }
}
