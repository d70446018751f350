//! upstart's variable expansion (docs/language.md#expansion) for instance names: `$NAME`,
//! `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`,
//! `${NAME+word}`, `${}` (a literal `$`), with nesting; no quoting.

/// Expand `text` against `env` (later entries win).
///
/// # Errors
/// `Unknown parameter: NAME`, `Expected operator` or `Mismatched braces`.
pub fn expand(text: &str, env: &[(String, String)]) -> Result<String, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let out = until(&chars, &mut i, env, false)?;
    Ok(out)
}

fn lookup<'a>(env: &'a [(String, String)], name: &str) -> Option<&'a str> {
    env.iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn is_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_name(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Expand up to the end, or (inside braces) up to an unconsumed `}`.
fn until(
    chars: &[char],
    i: &mut usize,
    env: &[(String, String)],
    in_braces: bool,
) -> Result<String, String> {
    let mut out = String::new();
    while *i < chars.len() {
        let c = chars[*i];
        if in_braces && c == '}' {
            return Ok(out);
        }
        if c == '$' {
            out.push_str(&dollar(chars, i, env)?);
        } else {
            out.push(c);
            *i += 1;
        }
    }
    if in_braces {
        return Err("Mismatched braces".to_string());
    }
    Ok(out)
}

/// Expand one `$...` starting at `chars[*i] == '$'`.
fn dollar(chars: &[char], i: &mut usize, env: &[(String, String)]) -> Result<String, String> {
    let unknown = |n: &str| format!("Unknown parameter: {n}");
    match chars.get(*i + 1) {
        Some('{') => {
            *i += 2;
            if chars.get(*i) == Some(&'}') {
                *i += 1;
                return Ok("$".to_string());
            }
            let mut name = String::new();
            loop {
                match chars.get(*i) {
                    Some('$') => name.push_str(&dollar(chars, i, env)?),
                    Some(&c) if is_name(c) => {
                        name.push(c);
                        *i += 1;
                    }
                    _ => break,
                }
            }
            let value = lookup(env, &name);
            let result = match chars.get(*i) {
                None => return Err("Mismatched braces".to_string()),
                Some('}') => value.ok_or_else(|| unknown(&name))?.to_string(),
                Some(&op @ (':' | '-' | '+')) => {
                    let colon = op == ':';
                    if colon {
                        *i += 1;
                    }
                    let kind = match chars.get(*i) {
                        Some(&k @ ('-' | '+')) => k,
                        None => return Err("Mismatched braces".to_string()),
                        _ => return Err("Expected operator".to_string()),
                    };
                    *i += 1;
                    let word = until(chars, i, env, true)?;
                    let set = value.is_some_and(|v| !colon || !v.is_empty());
                    match (kind, set) {
                        ('-', true) => value.unwrap_or_default().to_string(),
                        ('-', false) | ('+', true) => word,
                        _ => String::new(),
                    }
                }
                Some(_) => return Err("Expected operator".to_string()),
            };
            // the closing brace
            *i += 1;
            Ok(result)
        }
        Some(&c) if is_start(c) => {
            *i += 1;
            let start = *i;
            while chars.get(*i).is_some_and(|c| is_name(*c)) {
                *i += 1;
            }
            let name: String = chars[start..*i].iter().collect();
            Ok(lookup(env, &name)
                .ok_or_else(|| unknown(&name))?
                .to_string())
        }
        _ => {
            *i += 1;
            Ok("$".to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::expand;

    fn env() -> Vec<(String, String)> {
        vec![
            ("A".into(), "x".into()),
            ("E".into(), String::new()),
            ("K".into(), "A".into()),
        ]
    }

    #[test]
    fn forms() {
        let e = env();
        assert_eq!(expand("$A-${A}", &e).unwrap(), "x-x");
        assert_eq!(expand("${B:-d}${E:-d}${E-d}", &e).unwrap(), "dd");
        assert_eq!(expand("${A:+w}${E:+w}${E+w}${B+w}", &e).unwrap(), "ww");
        assert_eq!(expand("${}1 $ $1", &e).unwrap(), "$1 $ $1");
        assert_eq!(expand("${$K}", &e).unwrap(), "x");
        assert_eq!(expand("$B", &e).unwrap_err(), "Unknown parameter: B");
        assert_eq!(expand("${A", &e).unwrap_err(), "Mismatched braces");
        assert_eq!(expand("${A?}", &e).unwrap_err(), "Expected operator");
    }
}
