//! Numbers exactly as upstart reads them: C's `strtol` and `strtoul`, and
//! the C types upstart stores them in. (Signal names: [`crate::facts::signals`].)

use nom::Parser;
use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::one_of;
use nom::combinator::opt;

pub use crate::facts::signals::{SIGNALS, signal_from_name, signal_name};

/// Outcome of C's `strtol`/`strtoul` when the caller also insists that the
/// whole string was consumed (`*endptr == '\0'`) and that `errno` is not
/// `ERANGE`.
#[derive(Debug, PartialEq, Eq)]
pub enum Number {
    Ok(i128),
    /// Not a number, or trailing junk.
    Invalid,
    /// Outside the range of the C type.
    Overflow,
}

fn c_isspace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// C `strtol(s, &end, radix)` on a 64-bit `long`, requiring `*end == 0`.
/// The empty string passes as 0, as in C (it can only come from a value cut
/// short by a NUL byte).
#[must_use]
pub fn strtol(s: &str, radix: u32) -> Number {
    c_number(s, radix, i128::from(i64::MIN), i128::from(i64::MAX), false)
}

/// C `strtoul(s, &end, radix)` on a 64-bit `unsigned long`: a leading `-`
/// negates modulo 2^64, so `-1` is `ULONG_MAX`.
#[must_use]
pub fn strtoul(s: &str, radix: u32) -> Number {
    c_number(s, radix, 0, i128::from(u64::MAX), true)
}

/// What a C `int` holds after `(int) value` on a 64-bit `long`: the low 32
/// bits, as two's complement (`2147483648` → `-2147483648`).
#[must_use]
pub fn c_int(value: i128) -> i32 {
    i32::from_le_bytes(value.to_le_bytes()[..4].try_into().unwrap_or([0; 4]))
}

/// What a 32-bit `mode_t` holds after `(mode_t) value`.
#[must_use]
pub fn c_uint(value: i128) -> u32 {
    u32::from_le_bytes(value.to_le_bytes()[..4].try_into().unwrap_or([0; 4]))
}

fn c_number(s: &str, radix: u32, min: i128, max: i128, wrap_negative: bool) -> Number {
    if s.is_empty() {
        return Number::Ok(0);
    }
    let digit = |c: u8| char::from(c).is_digit(radix);
    let parsed: nom::IResult<&[u8], (Option<char>, &[u8])> =
        (take_while(c_isspace), opt(one_of("+-")), take_while1(digit))
            .map(|(_, sign, digits)| (sign, digits))
            .parse(s.as_bytes());
    let Ok((rest, (sign, digits))) = parsed else {
        return Number::Invalid;
    };
    if !rest.is_empty() {
        return Number::Invalid;
    }
    let mut magnitude: i128 = 0;
    for &d in digits {
        let v = i128::from(char::from(d).to_digit(radix).unwrap_or(0));
        magnitude = magnitude
            .saturating_mul(i128::from(radix))
            .saturating_add(v);
        if magnitude > max + 1 {
            return Number::Overflow;
        }
    }
    let negative = sign == Some('-');
    if wrap_negative {
        if magnitude > max {
            return Number::Overflow;
        }
        if negative && magnitude != 0 {
            return Number::Ok(max + 1 - magnitude);
        }
        return Number::Ok(magnitude);
    }
    let value = if negative { -magnitude } else { magnitude };
    if value < min || value > max {
        return Number::Overflow;
    }
    Number::Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strtol_like_c() {
        assert_eq!(strtol("10", 10), Number::Ok(10));
        assert_eq!(strtol(" +7", 10), Number::Ok(7));
        assert_eq!(strtol("-1", 10), Number::Ok(-1));
        assert_eq!(strtol("99foo", 10), Number::Invalid);
        assert_eq!(strtol("", 10), Number::Ok(0));
        assert_eq!(strtol(" ", 10), Number::Invalid);
        assert_eq!(strtol("+", 10), Number::Invalid);
        assert_eq!(strtol("10000000000000000000", 10), Number::Overflow);
        assert_eq!(strtol("0755", 8), Number::Ok(0o755));
        assert_eq!(strtol("999", 8), Number::Invalid);
    }

    #[test]
    fn strtoul_wraps_negative() {
        assert_eq!(strtoul("-1", 10), Number::Ok(i128::from(u64::MAX)));
        assert_eq!(strtoul("4096", 10), Number::Ok(4096));
        assert_eq!(strtoul("99999999999999999999", 10), Number::Overflow);
        assert_eq!(strtoul("-18446744073709551615", 10), Number::Ok(1));
        assert_eq!(strtoul("040000000000", 8), Number::Ok(1 << 32));
    }

    #[test]
    fn c_casts_keep_the_low_32_bits() {
        assert_eq!(c_int(2_147_483_648), i32::MIN);
        assert_eq!(c_int(4_294_967_296), 0);
        assert_eq!(c_int(4_294_967_295), -1);
        assert_eq!(c_int(-4_294_967_296), 0);
        assert_eq!(c_int(-5), -5);
        assert_eq!(c_uint(1 << 32), 0);
        assert_eq!(c_uint(i128::from(u64::MAX)), u32::MAX);
    }
}
