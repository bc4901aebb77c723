//! How the window is painted on Linux: by WebKitGTK on the CPU.
//!
//! WebKitGTK paints with Skia on the GPU unless told otherwise. Where the GPU is Mesa's software
//! renderer (virtual machines, remote desktops, computers without a GPU driver), every shader is
//! compiled with LLVM on first use, and Fakturera's first screen reached the screen about 190 ms
//! later than when painted on the CPU (docs/benchmarks.md, "Start-up"). A window of forms and
//! lists has nothing GPU painting speeds up, so Fakturera asks for CPU painting unless the
//! environment already says which to use (`WEBKIT_SKIA_ENABLE_CPU_RENDERING=0` keeps the GPU).

/// The variable WebKitGTK's web process reads when it starts.
#[cfg(target_os = "linux")]
const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Asks WebKitGTK to paint on the CPU. Must be the first thing `main` does: the web process
/// inherits the environment when GTK starts it, and the environment may only change while no
/// other thread can read it.
#[allow(unsafe_code)]
pub fn prefer_cpu_painting() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(CPU_PAINTING).is_none() {
        // SAFETY: called before Tauri, GTK or anything else has started a thread, so no other
        // thread reads or writes the environment while it changes.
        unsafe { std::env::set_var(CPU_PAINTING, "1") };
    }
}
