//! Keeping a long-lived supervisor small: once a job runs, the pages only
//! start-up used (argument parsing, the job parser, error rendering, the
//! spawn path's first run) are dropped from our page tables. They stay in
//! the page cache, shared with every other process mapping the same files;
//! a page needed again comes back with a minor fault.
//!
//! Only mappings of files that are read-only to us and hold no private
//! (copy-on-write) page are touched: their contents are exactly the file's,
//! so dropping them loses nothing. Relocated read-only data (RELRO) holds
//! private pages and is left alone, as is every writable or anonymous
//! mapping.

/// Drop the clean file-backed pages of this process (see the module
/// documentation). Returns the number of bytes advised; errors leave the
/// pages where they are (nothing depends on this).
pub(super) fn shed_startup_pages() -> usize {
    let Ok(smaps) = std::fs::read_to_string("/proc/self/smaps") else {
        return 0;
    };
    let mut advised = 0;
    for region in regions(&smaps) {
        // SAFETY: the range is a whole mapping of this process, read-only,
        // backed by a file and without private pages (checked by
        // `regions`): MADV_DONTNEED only unmaps its pages, which the kernel
        // reads back unchanged from the file on the next access.
        let rc = unsafe {
            nix::libc::madvise(
                region.start as *mut nix::libc::c_void,
                region.len,
                nix::libc::MADV_DONTNEED,
            )
        };
        if rc == 0 {
            advised += region.len;
        }
    }
    advised
}

#[derive(Debug, PartialEq, Eq)]
struct Region {
    start: usize,
    len: usize,
}

/// The mappings of `/proc/self/smaps` that are safe to drop: not writable,
/// backed by a file (a path, not `[vdso]` and the like), no anonymous page.
fn regions(smaps: &str) -> Vec<Region> {
    let mut out = Vec::new();
    let mut current: Option<(Region, bool)> = None;
    for line in smaps.lines() {
        if let Some((range, rest)) = line.split_once(' ')
            && let Some((a, b)) = range.split_once('-')
            && let (Ok(a), Ok(b)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16))
        {
            if let Some((r, true)) = current.take() {
                out.push(r);
            }
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let perms = fields.first().copied().unwrap_or("");
            let path = fields.get(4).copied().unwrap_or("");
            let eligible = perms.starts_with('r') && !perms.contains('w') && path.starts_with('/');
            current = Some((
                Region {
                    start: a,
                    len: b.saturating_sub(a),
                },
                eligible,
            ));
        } else if let Some(kb) = line.strip_prefix("Anonymous:")
            && kb.trim().trim_end_matches("kB").trim() != "0"
            && let Some((_, eligible)) = current.as_mut()
        {
            *eligible = false;
        }
    }
    if let Some((r, true)) = current {
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clean_read_only_file_mappings_are_chosen() {
        let smaps = "\
55d0c0000000-55d0c0010000 r--p 00000000 fe:01 123 /usr/bin/upstart-run
Size:                 64 kB
Anonymous:             0 kB
55d0c0010000-55d0c0020000 r-xp 00010000 fe:01 123 /usr/bin/upstart-run
Anonymous:             0 kB
55d0c0020000-55d0c0022000 r--p 00020000 fe:01 123 /usr/bin/upstart-run
Anonymous:             8 kB
55d0c0022000-55d0c0023000 rw-p 00022000 fe:01 123 /usr/bin/upstart-run
Anonymous:             0 kB
7ffd00000000-7ffd00002000 r-xp 00000000 00:00 0 [vdso]
Anonymous:             0 kB
7f0000000000-7f0000001000 r--p 00000000 00:00 0
Anonymous:             0 kB
";
        assert_eq!(
            regions(smaps),
            [
                Region {
                    start: 0x55d0_c000_0000,
                    len: 0x10000
                },
                Region {
                    start: 0x55d0_c001_0000,
                    len: 0x10000
                },
            ]
        );
    }

    /// `RssFile` of this process, in kB.
    fn rss_file() -> u64 {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("RssFile:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            })
            .unwrap_or(0)
    }

    #[test]
    fn shedding_drops_file_pages_and_keeps_the_process_working() {
        let text = String::from("still here");
        let before = rss_file();
        assert!(shed_startup_pages() > 0);
        let after = rss_file();
        // The test binary's text and libc were resident; most of them go
        // (other test threads may fault a few back in meanwhile).
        assert!(after < before, "RssFile {before} kB → {after} kB");
        // Code, read-only data and relocated pointers all still work.
        assert_eq!(format!("{text}!"), "still here!");
    }
}
