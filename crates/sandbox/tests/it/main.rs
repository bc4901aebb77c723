//! The sandbox over real HTTP with a plain HTTP client: the binary, the error answers of the AX
//! endpoints, automatic progression, and the control API.

mod binary;
mod control;
mod endpoints;
mod real_api;
mod restart;
mod support;
