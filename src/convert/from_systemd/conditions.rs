//! `Condition…=` file tests and `ExecCondition=` as pre-start guard lines.

use super::*;

/// `Condition…=` file tests and `ExecCondition=` commands as pre-start
/// guard lines (`guard` reads them back the same way); what has no such
/// form is reported.
pub(super) fn guard_lines(c: &mut Ctx<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    // In the order of the file, as the forward mapping wrote them.
    let entries: Vec<(&Entry, &str, &str)> = c
        .unit
        .sections
        .iter()
        .filter(|s| s.name == "Unit")
        .flat_map(|s| s.entries.iter())
        .filter_map(|e| {
            guard::FILE_TESTS
                .iter()
                .find(|(_, key, _)| *key == e.key)
                .map(|(op, key, _)| (e, *key, *op))
        })
        .collect();
    for (e, key, op) in entries {
        c.mark("Unit", key);
        let value = c.spec(e.value.trim());
        let (bang, path) = match value.strip_prefix('!') {
            Some(p) => ("! ", p),
            None => ("", value.as_str()),
        };
        // A triggering condition (`|PATH`: any of them may hold) is not one
        // more test that must pass; it fails `plain_path` like other values.
        if guard::plain_path(path) {
            lines.push(guard::line(&format!("[ {bang}{op} {path} ]"), false));
        } else {
            c.loss(
                Code::UL705,
                Severity::Warning,
                e.value_span,
                format!("`{key}={}` is dropped", e.value.trim()),
            );
            c.help(
                "only a plain absolute path (optionally negated with `!`) becomes a pre-start test",
            );
        }
    }
    for cmd in c.cmds("ExecCondition") {
        c.report_words(&cmd, "ExecCondition=");
        let test = match shell_body(&cmd) {
            Some((body, true)) if !body.trim_end().contains('\n') => guard::line_from_exec(&body),
            _ => None,
        };
        let line = test.unwrap_or_else(|| {
            let text = cmd_text(&cmd);
            c.loss(
                Code::UL705,
                Severity::Info,
                cmd.entry,
                "`ExecCondition=` became a pre-start test that stops the job when it fails".into(),
            );
            c.help("systemd failed the unit when the command exited 255 or was killed; upstart stops the job quietly on any failure");
            guard::line(&text, false)
        });
        if line.contains(['\n', '\r']) {
            c.loss(
                Code::UL705,
                Severity::Warning,
                cmd.entry,
                "`ExecCondition=` is dropped (a command of several lines)".into(),
            );
        } else if cmd.split_vars().is_empty() {
            lines.push(line);
        } else {
            // The shell splits `$NAME` as systemd does, but must not glob.
            lines.push("set -f".to_string());
            lines.push(line);
            lines.push("set +f".to_string());
        }
    }
    lines
}
