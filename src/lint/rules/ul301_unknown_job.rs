use super::super::registry::{Check, rule};
use super::super::{SetCtx, SetFindings};
use super::event_matches;
use crate::diag::Code;
use crate::facts::events;

rule! {
    /// ## What it does
    /// Flags `starting JOB`, `started JOB`, `stopping JOB` and `stopped JOB`
    /// (or `JOB=name`) where no job of that name is in the linted set, among
    /// the standard jobs of an Ubuntu system, or in `known-jobs`.
    ///
    /// ## Why is this bad?
    /// The job events carry the job's name; a misspelt or missing job means
    /// the condition never becomes true and the job never starts (or stops).
    ///
    /// ## Example
    /// ```text
    /// start on started mysqld
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// start on started mysql
    /// ```
    /// or list the job under `known-jobs` when it is installed separately.
    code: UL301,
    name: "unknown-job",
    severity: Warning,
    default: true,
    summary: "`started JOB`/`stopping JOB`… naming a job that is not in the set, not standard, not configured",
    check: Check::Set(check),
}

fn check(set: &SetCtx<'_>, out: &mut SetFindings) {
    let mut candidates: Vec<&str> = set.jobs.iter().map(|c| c.name.as_str()).collect();
    candidates.extend(events::STANDARD_JOBS);
    candidates.extend(set.known_jobs.iter().map(String::as_str));
    // Looked up for every job event of every job: a set, not the list.
    let known: std::collections::HashSet<&str> = candidates.iter().copied().collect();
    // The same unknown name recurs across jobs: suggest once per name.
    let mut suggestions: std::collections::HashMap<String, Option<&str>> =
        std::collections::HashMap::new();
    for ctx in set.jobs.iter().filter(|c| c.report) {
        for event in event_matches(ctx.job()) {
            // Globs and variables match many jobs.
            let Some(crate::ast::NamedJob {
                name: job, span, ..
            }) = event.named_job()
            else {
                continue;
            };
            if job.contains(['*', '?', '[', '$']) || known.contains(job) {
                continue;
            }
            let f = out.add(ctx.index, Code::UL301, span, "Unknown job");
            f.label(format!("no job `{job}` in the linted set"));
            match suggestions
                .entry(job.to_string())
                .or_insert_with(|| crate::syntax::did_you_mean(job, &candidates))
            {
                Some(s) => f.help(format!("did you mean `{s}`? Otherwise list `{job}` in `known-jobs`")),
                None => f.help(format!(
                    "lint the directory that holds `{job}.conf`, or list `{job}` in `known-jobs` in .upstart-lint.toml"
                )),
            };
        }
    }
}
