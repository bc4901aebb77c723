//! Invoice PDFs read back as text and rendered: mandatory fields, pages, hostile input; one binary.

mod hostile;
mod mandatory_fields;
mod pages;
mod support;
