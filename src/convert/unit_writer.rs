//! The systemd unit that `upstart2systemd` writes: a small model of its
//! sections and `Key=Value` lines, its text form, and the escaping of values,
//! Exec words and unit names as systemd 252 reads them back. The units
//! `systemd2upstart` reads are parsed by `systemd_unit` instead.

/// A unit file: sections in order, each with `Key=Value` lines whose values
/// are already escaped for systemd.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub entries: Vec<(String, String)>,
}

impl Unit {
    /// Append `key=value` to `section` (created in order of first use).
    pub fn set(&mut self, section: &str, key: &str, value: impl Into<String>) {
        let value = value.into();
        if let Some(s) = self.sections.iter_mut().find(|s| s.name == section) {
            s.entries.push((key.to_string(), value));
        } else {
            self.sections.push(Section {
                name: section.to_string(),
                entries: vec![(key.to_string(), value)],
            });
        }
    }

    /// Add `value` to a space-separated list key (`After=`, `WantedBy=`…),
    /// once.
    pub fn add_to_list(&mut self, section: &str, key: &str, value: &str) {
        if let Some(s) = self.sections.iter_mut().find(|s| s.name == section)
            && let Some((_, v)) = s.entries.iter_mut().find(|(k, _)| k == key)
        {
            if !v.split(' ').any(|x| x == value) {
                v.push(' ');
                v.push_str(value);
            }
            return;
        }
        self.set(section, key, value);
    }

    /// The value of the first `key` in `section`.
    #[must_use]
    pub fn get(&self, section: &str, key: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|s| s.name == section)?
            .entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The unit file text.
    #[must_use]
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, s) in self
            .sections
            .iter()
            .filter(|s| !s.entries.is_empty())
            .enumerate()
        {
            if i > 0 {
                out.push('\n');
            }
            out.push('[');
            out.push_str(&s.name);
            out.push_str("]\n");
            for (k, v) in &s.entries {
                out.push_str(k);
                out.push('=');
                out.push_str(v);
                out.push('\n');
            }
        }
        out
    }
}

/// Escape one character for a double-quoted systemd word (`Exec*=`,
/// `Environment=`): C escapes are decoded there.
fn c_escape(c: char, out: &mut String) {
    match c {
        '\\' => out.push_str("\\\\"),
        '"' => out.push_str("\\\""),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '%' => out.push_str("%%"),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
        c => out.push(c),
    }
}

/// One argument of an `Exec*=` line: quoted when needed, `%` → `%%`,
/// `$` → `$$` (so systemd substitutes nothing), C escapes for `\`, `"`,
/// newline, tab and control characters.
#[must_use]
pub fn exec_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s != ";"
        && s.chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '\\' | '%' | '$'));
    if plain {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '$' {
            out.push_str("$$");
        } else {
            c_escape(c, &mut out);
        }
    }
    out.push('"');
    out
}

/// `argv[0]` of an `Exec*=` line: `%` doubled; quoted only when it has blanks
/// (systemd ≤ 219 rejects a quoted command).
#[must_use]
pub fn exec_program(s: &str) -> String {
    if s.chars().any(char::is_whitespace) || s.contains(['"', '\'', '\\', '$']) {
        exec_word(s)
    } else {
        s.replace('%', "%%")
    }
}

/// `Environment="KEY=VALUE"`: one quoted word; `$` stays literal there.
#[must_use]
pub fn env_assignment(key: &str, value: &str) -> String {
    let mut out = String::from("\"");
    for c in key.chars().chain(std::iter::once('=')).chain(value.chars()) {
        c_escape(c, &mut out);
    }
    out.push('"');
    out
}

/// A value without quoting syntax (`Description=`, `X-…=`, paths, names):
/// only `%` is special; a line ending in an odd number of backslashes is
/// joined with the next one, so such a value gets one more; a NUL ends it.
#[must_use]
pub fn plain(s: &str) -> String {
    // Upstart keeps values as C strings: a NUL ends one. systemd would end
    // the line there and read the rest as a line of its own.
    let s = s.split('\0').next().unwrap_or_default();
    let mut v = s.replace('%', "%%").replace(['\n', '\r'], " ");
    if (v.len() - v.trim_end_matches('\\').len()) % 2 == 1 {
        v.push('\\');
    }
    v
}

/// A unit name for a job (or event) name: `/` becomes `-`; bytes a unit
/// name cannot hold (other than `[A-Za-z0-9:_.-]`) become `\xNN`, as
/// `systemd-escape` writes them; a leading `.` is escaped. Unlike
/// `systemd-escape`, `-` is kept, so `cros-camera` stays `cros-camera` and
/// names of existing units (`network-manager`) still match.
#[must_use]
pub fn unit_name(name: &str) -> String {
    let mut out = String::new();
    for (i, b) in name.trim_matches('/').bytes().enumerate() {
        match b {
            b'/' => out.push('-'),
            b'.' if i == 0 => out.push_str("\\x2e"),
            b if b.is_ascii_alphanumeric() || matches!(b, b':' | b'_' | b'.' | b'-') => {
                out.push(b as char);
            }
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out
}

/// The unit name of a path (`.device`, `.mount`), as `systemd-escape
/// --path` writes it: `/` separates, every byte other than
/// `[A-Za-z0-9:_.]` (`-` included) becomes `\xNN`, a leading `.` too; `/`
/// alone is `-`.
#[must_use]
pub fn path_unit_name(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        return "-".to_string();
    }
    let mut out = String::new();
    for (i, b) in trimmed.bytes().enumerate() {
        match b {
            b'/' => out.push('-'),
            b'.' if i == 0 => out.push_str("\\x2e"),
            b if b.is_ascii_alphanumeric() || matches!(b, b':' | b'_' | b'.') => {
                out.push(b as char);
            }
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(exec_word("--port=80"), "--port=80");
        assert_eq!(exec_word("a b"), "\"a b\"");
        assert_eq!(exec_word("+%s"), "\"+%%s\"");
        assert_eq!(
            exec_word("echo $HOME \"x\"\n"),
            "\"echo $$HOME \\\"x\\\"\\n\""
        );
        assert_eq!(exec_word(";"), "\";\"");
        assert_eq!(plain("a\0b\nc"), "a");
        assert_eq!(plain("50% \\"), "50%% \\\\");
        assert_eq!(env_assignment("A", "b c$ %"), "\"A=b c$ %%\"");
        assert_eq!(plain("100% sure\\"), "100%% sure\\\\");
        assert_eq!(unit_name("net/apache-2"), "net-apache-2");
        assert_eq!(unit_name("a b+c"), "a\\x20b\\x2bc");
        assert_eq!(unit_name(".hidden"), "\\x2ehidden");
        assert_eq!(plain("a\\\\\\"), "a\\\\\\\\");
        assert_eq!(
            path_unit_name("/sys/subsystem/net/devices/br-lan"),
            "sys-subsystem-net-devices-br\\x2dlan"
        );
        assert_eq!(path_unit_name("/"), "-");
    }
}
