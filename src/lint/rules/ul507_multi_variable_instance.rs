use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags an `instance` stanza that is not a single variable (`$TTY`,
    /// `${TTY}`), such as `instance $IFACE-$ADDR`.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// A converted instance job is a template (`JOB@.service`) whose instance
    /// name is one string, `%I`. With one variable it becomes
    /// `Environment=VAR=%I`; with several there is no way to split the string
    /// back, so the unit only gets `UPSTART_INSTANCE=%I` and the variables the
    /// job used are unset.
    ///
    /// ## Example
    /// ```text
    /// instance $IFACE-$ADDRFAM
    /// exec /usr/sbin/appd --iface $IFACE --family $ADDRFAM
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// instance $IFACE
    /// exec /usr/sbin/appd --iface $IFACE
    /// ```
    code: UL507,
    name: "multi-variable-instance",
    severity: Warning,
    default: false,
    summary: "`instance` that is not one variable: a systemd template carries one string",
    check: Check::Pass(Pass::Conversion),
}
