fn main() -> std::process::ExitCode {
    // Run as `initctl`, `start`, `stop`, ... (install-compat's symlinks):
    // initctl's commands.
    let argv0 = std::env::args_os().next().unwrap_or_default();
    let name = std::path::Path::new(&argv0)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    upstart_tools::cli::compat_main(&name).unwrap_or_else(upstart_tools::cli::main)
}
