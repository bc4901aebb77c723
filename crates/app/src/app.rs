//! `App`: one open company file and the user's language, shared by every front end.
//!
//! Use cases live in their own modules as `impl App` blocks that reach the store through
//! [`App::with_store`], so the desktop shell and the CLI call the very same code.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError, RwLock};

use fakturera_core::Language;
use fakturera_store::Store;

use crate::error::{AppError, ForUser, IntoAppError};

/// The company file and the session's language.
///
/// The store is opened on first use and kept open; when opening fails (a newer file, a locked
/// file) the error goes to the caller and the next call tries again, so the user can fix the
/// cause without restarting.
#[derive(Debug)]
pub struct App {
    file: RwLock<PathBuf>,
    language: RwLock<Language>,
    store: Mutex<Option<Store>>,
    /// Open without the background integrity check: one command and exit (the CLI), or a second
    /// `App` on a file the first one checks (the desktop's delivery worker).
    skip_integrity_check: bool,
}

impl App {
    /// An app for `file` that opens it when first needed. Never fails, so a shell can start and
    /// show the reason when the file cannot be opened.
    pub fn new(file: impl Into<PathBuf>, language: Language) -> App {
        App {
            file: RwLock::new(file.into()),
            language: RwLock::new(language),
            store: Mutex::new(None),
            skip_integrity_check: false,
        }
    }

    /// An app for a process that runs one command and exits, such as the `fakturera` CLI: the
    /// file is opened as [`Store::open_for_one_command`] does, without the background integrity
    /// check that the process would only start and interrupt.
    pub fn for_one_command(file: impl Into<PathBuf>, language: Language) -> App {
        App {
            skip_integrity_check: true,
            ..App::new(file, language)
        }
    }

    /// A second app on the file another `App` of this process has open and checks (the
    /// desktop's delivery worker beside the window's): the same opening, without a second
    /// integrity check reading the whole file at the same time as the first.
    pub fn beside(file: impl Into<PathBuf>, language: Language) -> App {
        App {
            skip_integrity_check: true,
            ..App::new(file, language)
        }
    }

    /// Opens (creating and migrating when needed) the company file at `file` right away.
    pub fn open(file: impl Into<PathBuf>, language: Language) -> Result<App, AppError> {
        let app = App::new(file, language);
        app.with_store(|_| Ok::<(), AppError>(()))?;
        Ok(app)
    }

    /// The company file this app works on.
    pub fn file_path(&self) -> PathBuf {
        self.file
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Opens the company file at `file` and works on it from now on. The new file is opened (and
    /// migrated) first; when that fails the app stays on the file it had.
    pub fn switch_to(&self, file: &Path) -> Result<(), AppError> {
        let language = self.language();
        let opened = Store::open(file).for_user(language)?;
        let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        *self.file.write().unwrap_or_else(PoisonError::into_inner) = file.to_path_buf();
        *slot = Some(opened);
        Ok(())
    }

    pub fn language(&self) -> Language {
        *self.language.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Messages from now on are in `language`.
    pub fn set_language(&self, language: Language) {
        *self
            .language
            .write()
            .unwrap_or_else(PoisonError::into_inner) = language;
    }

    /// Runs `work` with the open store, opening it first when needed, and turns any error into an
    /// [`AppError`] in the session's language. Calls are serialised: SQLite has one writer anyway.
    pub fn with_store<T, E: IntoAppError>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, AppError> {
        let language = self.language();
        // A panic in an earlier call poisons the lock. The store was taken out of the slot for
        // that call and dropped while unwinding, so the slot is empty and we simply reopen.
        let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let mut store = match slot.take() {
            Some(store) => store,
            None => if self.skip_integrity_check {
                Store::open_for_one_command(&self.file_path())
            } else {
                Store::open(&self.file_path())
            }
            .for_user(language)?,
        };
        let result = work(&mut store);
        *slot = Some(store);
        result.for_user(language)
    }
}
