use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Finds an `end script` line inside a here-document or a quoted string
    /// of a block: the block's text stops there with the here-document or
    /// the string still open, and the here-document's terminator (or the
    /// closing quote) comes after the block. Reported at the `end script`
    /// line (found by UL401's pass).
    ///
    /// ## Why is this bad?
    /// Upstart ends the block at the first line reading `end script`,
    /// whatever the shell would make of it: the script is cut short, and the
    /// lines after it are parsed as stanzas (usually an "Unknown stanza"
    /// error, or stanzas nobody meant to write).
    ///
    /// ## Example
    /// ```text
    /// pre-start script
    ///     cat > /etc/init/helper.conf <<EOF
    /// script
    ///     exec /usr/bin/helper
    /// end script
    /// EOF
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// Change the text so that no line reads exactly `end script`, for
    /// example by producing it with `printf`:
    /// ```text
    /// pre-start script
    ///     printf '%s\n' script '    exec /usr/bin/helper' 'end script' \
    ///         > /etc/init/helper.conf
    /// end script
    /// ```
    code: UL404,
    name: "early-end-script",
    severity: Error,
    default: true,
    summary: "an `end script` line inside a here-document or string ends the block early",
    check: Check::Pass(Pass::Shell),
}
