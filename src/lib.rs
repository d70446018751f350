//! upstart-tools: parse, lint, convert and run upstart job files.
//!
//! The library exists to serve the binaries of this package; it makes no
//! semver promise.

pub mod ast;
pub mod cli;
pub mod convert;
pub mod diag;
pub mod facts;
#[doc(hidden)]
pub mod fuzzing;
pub mod graph;
pub mod lint;
pub mod load;
pub mod lsp;
pub mod par;
pub mod print;
pub mod report;
pub mod shell;
pub mod show;
pub mod source;
pub mod supervisor;
pub mod syntax;
