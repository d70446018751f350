//! The passes of [`super::lint`] that are not a module of their own: the
//! parser's findings and the rules with their own check.

use super::config::Dialect;
use super::registry::{Check, Pass};
use super::{Finding, JobFindings, SetCtx, SetFindings, fix};
use crate::syntax::ErrorKind;

/// [`Pass::Parse`]: every error and warning of the parser, for each file
/// reported on.
pub(crate) fn parse(set: &SetCtx<'_>, out: &mut SetFindings) {
    for ctx in set.reported() {
        for err in &ctx.file.parsed.errors {
            // ChromiumOS's init knows its vendor stanzas.
            if err.kind == ErrorKind::VendorStanza && ctx.config.dialect == Dialect::Chromeos {
                continue;
            }
            let finding = Finding {
                code: err.code(),
                span: err.span,
                message: err.title().to_string(),
                label: err.detail.clone(),
                help: err.help.clone(),
                related: err.related.clone(),
                fix: fix::for_parse_error(ctx, err),
                severity: Some(err.severity()),
                shellcheck: None,
                upstart: err.kind.upstart_says(),
            };
            out.push(ctx.index, finding);
        }
    }
}

/// [`Pass::JobRules`]: each rule with a [`Check::Job`] that a reported
/// file's config enables, over that file.
pub(crate) fn job_rules(set: &SetCtx<'_>, out: &mut SetFindings) {
    for ctx in set.reported() {
        let mut found = JobFindings::default();
        for rule in Pass::JobRules.rules() {
            if let Check::Job(check) = rule.check
                && ctx.config.enabled(rule)
            {
                check(ctx, &mut found);
            }
        }
        out.extend(ctx.index, found);
    }
}

/// [`Pass::SetRules`]: each rule with a [`Check::Set`] that some reported
/// file's config enables, over the whole set.
pub(crate) fn set_rules(set: &SetCtx<'_>, out: &mut SetFindings) {
    for rule in Pass::SetRules.rules() {
        if let Check::Set(check) = rule.check
            && set.wants(rule)
        {
            check(set, out);
        }
    }
}
