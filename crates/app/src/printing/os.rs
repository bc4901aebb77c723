//! The operating system's print system: CUPS through `lp` and `lpstat` on Linux and macOS (both
//! ship CUPS), and the Windows spooler through PowerShell, which hands the PDF to the program
//! registered to print PDFs (the "PrintTo" verb), as Explorer's "Skriv ut" does.

use std::path::Path;
use std::process::Command;

use fakturera_core::Text;

use super::{PrintError, PrintSystem, PrinterView};

/// The print system of the machine the app runs on.
#[derive(Debug, Clone, Copy, Default)]
pub struct OsPrintSystem;

fn run(command: &mut Command, what: &str) -> Result<String, PrintError> {
    let output = command.output().map_err(|error| {
        PrintError(Text::new(
            format!("Utskriftssystemet kunde inte nås ({what}: {error}). Kontrollera att en skrivare är installerad."),
            format!("The print system could not be reached ({what}: {error}). Check that a printer is installed."),
        ))
    })?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let reason = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    Err(PrintError(Text::new(
        format!("Utskriften misslyckades: {reason}. Kontrollera skrivaren och försök igen."),
        format!("Printing failed: {reason}. Check the printer and try again."),
    )))
}

#[cfg(not(windows))]
impl PrintSystem for OsPrintSystem {
    fn printers(&self) -> Result<Vec<PrinterView>, PrintError> {
        // `lpstat -d` fails when there is no default, which is no reason to list no printers.
        let default = run(Command::new("lpstat").arg("-d"), "lpstat")
            .ok()
            .and_then(|text| {
                text.rsplit_once(": ")
                    .map(|(_, name)| name.trim().to_owned())
            });
        let names = run(Command::new("lpstat").arg("-e"), "lpstat")?;
        Ok(names
            .lines()
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| PrinterView {
                name: name.to_owned(),
                is_default: default.as_deref() == Some(name),
            })
            .collect())
    }

    fn print_pdf(
        &self,
        path: &Path,
        printer: Option<&str>,
        title: &str,
    ) -> Result<(String, String), PrintError> {
        let mut command = Command::new("lp");
        if let Some(printer) = printer {
            command.arg("-d").arg(printer);
        }
        command.arg("-t").arg(title).arg("--").arg(path);
        let answer = run(&mut command, "lp")?;
        // "request id is Kontor-12 (1 file(s))": the job id, and the printer is its prefix.
        let job = answer
            .split_whitespace()
            .skip_while(|word| *word != "is")
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        let printer = match printer {
            Some(name) => name.to_owned(),
            None => job
                .rsplit_once('-')
                .map(|(name, _)| name.to_owned())
                .unwrap_or_default(),
        };
        Ok((printer, job))
    }
}

#[cfg(windows)]
impl PrintSystem for OsPrintSystem {
    fn printers(&self) -> Result<Vec<PrinterView>, PrintError> {
        let listing = run(
            Command::new("powershell").args([
                "-NoProfile",
                "-Command",
                "Get-CimInstance Win32_Printer | ForEach-Object { \"$($_.Default)`t$($_.Name)\" }",
            ]),
            "Win32_Printer",
        )?;
        Ok(listing
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(default, name)| PrinterView {
                name: name.trim().to_owned(),
                is_default: default.trim().eq_ignore_ascii_case("true"),
            })
            .collect())
    }

    fn print_pdf(
        &self,
        path: &Path,
        printer: Option<&str>,
        _title: &str,
    ) -> Result<(String, String), PrintError> {
        let file = path.display().to_string().replace('\'', "''");
        let script = match printer {
            Some(name) => format!(
                "Start-Process -FilePath '{file}' -Verb PrintTo -ArgumentList '\"{}\"' -Wait",
                name.replace('\'', "''")
            ),
            None => format!("Start-Process -FilePath '{file}' -Verb Print -Wait"),
        };
        run(
            Command::new("powershell").args(["-NoProfile", "-Command", &script]),
            "Start-Process",
        )?;
        Ok((printer.unwrap_or_default().to_owned(), String::new()))
    }
}
