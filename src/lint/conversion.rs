//! The conversion pass ([`Pass::Conversion`](super::registry::Pass)): the
//! UL5xx rules report what `upstart2systemd` reports, the converter's
//! [`Loss`]es. They are off by default (`--select UL5` or `--extend-select
//! UL5` turns them on).
//!
//! Each job is converted once per run, and the losses of every UL5xx code
//! are reported; the linter then drops the findings whose code a file's
//! configuration does not enable.
//!
//! The converter works on the effective job (the `.conf` with its clean
//! `.override` merged). A loss that only the override causes is reported in
//! the override when it is linted, else on the first line of the `.conf`.

use super::{JobCtx, SetCtx, SetFindings};
use crate::ast::resolve;
use crate::convert::{Loss, from_override, to_systemd};
use crate::source::Span;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Convert every job that is reported (or whose override is) and report
/// its losses.
pub(crate) fn check(set: &SetCtx<'_>, out: &mut SetFindings) {
    // The clean override of each job (as the linter merges them).
    let overrides: BTreeMap<PathBuf, &JobCtx<'_>> = set
        .jobs
        .iter()
        .filter(|o| o.is_override && !o.file.parsed.has_errors())
        .map(|o| (o.file.path.with_extension(""), o))
        .collect();
    for ctx in set.jobs {
        // Upstart rejects a job with errors: it is not converted either.
        if ctx.is_override || ctx.file.parsed.has_errors() {
            continue;
        }
        let ovr = overrides.get(&ctx.file.path.with_extension("")).copied();
        if !ctx.report && !ovr.is_some_and(|o| o.report) {
            continue;
        }
        let conv = to_systemd(&ctx.name, &ctx.resolved);
        let in_override = match ovr {
            Some(_) => {
                let alone = resolve(&[ctx.job()]);
                from_override(&conv.losses, &to_systemd(&ctx.name, &alone).losses)
            }
            None => vec![false; conv.losses.len()],
        };
        for (loss, from_ovr) in conv.losses.iter().zip(in_override) {
            match ovr {
                Some(o) if from_ovr && o.report => add(out, o.index, loss, loss.span, ""),
                Some(o) if from_ovr => {
                    let suffix = format!(" (caused by {})", o.file.path.display());
                    add(out, ctx.index, loss, Span::new(0, 0), &suffix);
                }
                _ => add(out, ctx.index, loss, loss.span, ""),
            }
        }
    }
}

fn add(out: &mut SetFindings, job: usize, loss: &Loss, span: Span, suffix: &str) {
    let f = out
        .add(job, loss.code, span, format!("{}{suffix}", loss.message))
        .severity(loss.severity);
    if let Some(h) = &loss.help {
        f.help(h.clone());
    }
}
