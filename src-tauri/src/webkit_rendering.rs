//! How WebKitGTK draws the window on Linux (Windows and macOS use their own web views).
//!
//! WebKitGTK composites pages through OpenGL by default. Fakturera's pages are text, tables and a
//! few flat shapes; on the machines our Linux users run (no GPU driver, a VM, remote desktop) the
//! GL path means Mesa's software renderer, which made the first frame ~400 ms slower and the window
//! ~100 MiB larger than painting without it (docs/benchmarks.md, "Start-up"), and with some GPU
//! drivers it shows a blank window. So Fakturera paints without compositing unless the user
//! has chosen otherwise by setting the variable themselves.

/// WebKitGTK's own switch; any value the user set is kept.
const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Sets WebKitGTK's rendering mode. Must run first in `main`, before any thread is started.
pub fn choose_before_any_thread() {
    if cfg!(target_os = "linux") && std::env::var_os(DISABLE_COMPOSITING).is_none() {
        // SAFETY: called at the top of `main`, before Tauri, GTK or any other thread exists, so no
        // other thread can be reading the environment while it changes.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(DISABLE_COMPOSITING, "1");
        }
    }
}
