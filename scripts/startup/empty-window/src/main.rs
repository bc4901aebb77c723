//! A Tauri 2 window with a heading and a paragraph: the floor Fakturera's start-up is measured
//! against.
fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("the empty window could not start: {error}");
        std::process::exit(1);
    }
}
