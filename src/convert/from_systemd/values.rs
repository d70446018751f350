//! Value syntaxes of unit files: time spans, resource limits, and whether
//! a value holds shell expansions.

use super::*;

/// Whether a value holds what a shell would expand (`$NAME`, `${…}`,
/// `$(…)`, backquotes): upstart's `env` keeps it as text (lint rule UL110).
pub(super) fn expands(value: &str) -> bool {
    let b = value.as_bytes();
    b.iter().enumerate().any(|(i, &ch)| {
        ch == b'`'
            || (ch == b'$'
                && b.get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphanumeric() || matches!(n, b'_' | b'{' | b'(')))
    })
}

/// A time span in seconds (`90`, `1min 30s`, `500ms`); `None` when unparsable.
pub(super) fn timespan(s: &str) -> Option<f64> {
    let mut total = 0.0;
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let mut rest = s;
    while !rest.trim_start().is_empty() {
        rest = rest.trim_start();
        let n_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let n: f64 = rest[..n_len].parse().ok()?;
        rest = rest[n_len..].trim_start();
        let u_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let unit = &rest[..u_len];
        rest = &rest[u_len..];
        let mult = match unit {
            "" | "s" | "sec" | "second" | "seconds" => 1.0,
            "us" | "usec" => 1e-6,
            "ms" | "msec" => 1e-3,
            "m" | "min" | "minute" | "minutes" => 60.0,
            "h" | "hr" | "hour" | "hours" => 3600.0,
            "d" | "day" | "days" => 86400.0,
            "w" | "week" | "weeks" => 604_800.0,
            _ => return None,
        };
        total += n * mult;
    }
    Some(total)
}

/// A `Limit*=` value (`infinity`, a number with an optional base-1024 suffix).
pub(super) fn limit_value(s: &str) -> Option<LimitValue> {
    let s = s.trim();
    if s == "infinity" {
        return Some(LimitValue::Unlimited);
    }
    let (num, mult) = match s.chars().last()? {
        'K' => (&s[..s.len() - 1], 1u64 << 10),
        'M' => (&s[..s.len() - 1], 1 << 20),
        'G' => (&s[..s.len() - 1], 1 << 30),
        'T' => (&s[..s.len() - 1], 1 << 40),
        'P' => (&s[..s.len() - 1], 1 << 50),
        'E' => (&s[..s.len() - 1], 1 << 60),
        _ => (s, 1),
    };
    let n: u64 = num.parse().ok()?;
    let v = n.checked_mul(mult)?;
    Some(if v == u64::MAX {
        LimitValue::Unlimited
    } else {
        LimitValue::Value(v)
    })
}
