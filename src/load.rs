//! Reading job files from disk: job names, `.override` files beside a
//! `.conf`, and the files upstart would load from a directory.

use crate::ast::{Resolved, resolve};
use crate::source::SourceFile;
use crate::syntax::{Parsed, parse};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One parsed file.
#[derive(Clone, Debug)]
pub struct ParsedFile {
    pub path: PathBuf,
    pub source: SourceFile,
    pub parsed: Parsed,
}

impl ParsedFile {
    /// Parse bytes already read (stdin, tests).
    #[must_use]
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Self {
        let path = path.into();
        let source = SourceFile::new(path.display().to_string(), bytes);
        let parsed = parse(source.bytes());
        Self {
            path,
            source,
            parsed,
        }
    }

    /// Read and parse a file.
    ///
    /// # Errors
    /// When the file cannot be read.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        Ok(Self::from_bytes(path, read_file(path)?))
    }
}

/// A job: its `.conf` and, when one sits beside it, its `.override`.
#[derive(Clone, Debug)]
pub struct LoadedJob {
    /// Job name: the path relative to the configuration directory without
    /// the extension (`net/apache`), or the file stem for a lone file.
    pub name: String,
    pub conf: ParsedFile,
    pub override_file: Option<ParsedFile>,
}

impl LoadedJob {
    /// Load `path` and the `.override` beside it, if any.
    ///
    /// # Errors
    /// When the `.conf` cannot be read. An unreadable override is reported
    /// as an error too, since silently ignoring it would change the job.
    pub fn load(path: &Path, name: String) -> std::io::Result<Self> {
        let conf = ParsedFile::read(path)?;
        let ovr = override_path(path);
        let override_file = if ovr.is_file() {
            Some(ParsedFile::read(&ovr)?)
        } else {
            None
        };
        Ok(Self {
            name,
            conf,
            override_file,
        })
    }

    /// The job as `dialect`'s upstart reads it (see
    /// [`crate::syntax::Parsed::for_dialect`]).
    #[must_use]
    pub fn for_dialect(mut self, dialect: crate::syntax::Dialect) -> Self {
        self.conf.parsed = self.conf.parsed.for_dialect(dialect);
        if let Some(o) = self.override_file.as_mut() {
            o.parsed = std::mem::take(&mut o.parsed).for_dialect(dialect);
        }
        self
    }

    /// The effective job. Upstart ignores an override that fails to parse
    /// (the `.conf` alone applies), so only a clean override is merged.
    #[must_use]
    pub fn resolved(&self) -> Resolved<'_> {
        match &self.override_file {
            Some(o) if !o.parsed.has_errors() => resolve(&[&self.conf.parsed.job, &o.parsed.job]),
            _ => resolve(&[&self.conf.parsed.job]),
        }
    }
}

/// Largest file we read (upstart reads any size; this guards memory).
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Read a file, refusing anything that is not a regular file or is huge.
///
/// A FIFO, a device such as `/dev/zero` or a socket would block or never
/// end, so only regular files (after symlinks) are read. The file is opened
/// non-blocking and checked again on the open handle, so one swapped for a
/// FIFO between the two checks cannot hang the run either.
///
/// # Errors
/// I/O errors, anything but a regular file, and files over [`MAX_FILE_SIZE`].
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::os::unix::fs::OpenOptionsExt;
    let regular = |meta: &std::fs::Metadata| -> std::io::Result<()> {
        if meta.is_file() {
            Ok(())
        } else {
            Err(std::io::Error::other(NotRegular(meta.file_type())))
        }
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        let dangling = e.kind() == std::io::ErrorKind::NotFound
            && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if dangling {
            std::io::Error::new(e.kind(), "dangling symlink (its target does not exist)")
        } else {
            e
        }
    })?;
    regular(&meta)?;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(nix::libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    regular(&meta)?;
    let too_big = || {
        std::io::Error::other(format!(
            "file is larger than {} MiB",
            MAX_FILE_SIZE / (1024 * 1024)
        ))
    };
    if meta.len() > MAX_FILE_SIZE {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes)?;
    // The file grew while we read it.
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_big());
    }
    Ok(bytes)
}

/// [`read_file`]'s error for a path that is not a regular file, with what
/// it is instead, so that a caller can word it without a second `stat`.
#[derive(Debug)]
pub struct NotRegular(pub std::fs::FileType);

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not a regular file ({}); only job files are read",
            file_type_name(self.0)
        )
    }
}

impl std::error::Error for NotRegular {}

impl NotRegular {
    /// The kind, when `e` is this error.
    #[must_use]
    pub fn of(e: &std::io::Error) -> Option<std::fs::FileType> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<NotRegular>())
            .map(|n| n.0)
    }
}

/// What kind of file this is, in `ls -l` words.
fn file_type_name(t: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

/// `foo.conf` → `foo.override` (same directory).
#[must_use]
pub fn override_path(conf: &Path) -> PathBuf {
    conf.with_extension("override")
}

/// The job name upstart gives a file: relative to `root` when given,
/// without the extension.
#[must_use]
pub fn job_name(path: &Path, root: Option<&Path>) -> String {
    let rel = root
        .and_then(|r| path.strip_prefix(r).ok())
        .unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())));
    let rel = rel.with_extension("");
    rel.to_string_lossy().trim_start_matches('/').to_string()
}

/// Which kind of file upstart would take `path` for, by its name alone:
/// the extension is the text after the last `.`, and a name that is just
/// `.conf` is ignored.
#[must_use]
pub fn file_kind(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    let (stem, ext) = name.rsplit_once('.')?;
    if stem.is_empty() {
        return None;
    }
    match ext {
        "conf" => Some(FileKind::Conf),
        "override" => Some(FileKind::Override),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Conf,
    Override,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_kinds() {
        assert_eq!(
            job_name(
                Path::new("/etc/init/net/apache.conf"),
                Some(Path::new("/etc/init"))
            ),
            "net/apache"
        );
        assert_eq!(job_name(Path::new("x/tty1.conf"), None), "tty1");
        assert_eq!(file_kind(Path::new("a.conf")), Some(FileKind::Conf));
        assert_eq!(file_kind(Path::new(".hidden.conf")), Some(FileKind::Conf));
        assert_eq!(file_kind(Path::new(".conf")), None);
        assert_eq!(file_kind(Path::new("a.conf~")), None);
        assert_eq!(file_kind(Path::new("a.conf.dpkg-old")), None);
        assert_eq!(file_kind(Path::new("a.override")), Some(FileKind::Override));
    }
}
