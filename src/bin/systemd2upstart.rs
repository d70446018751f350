fn main() -> std::process::ExitCode {
    upstart_tools::cli::from_systemd_main()
}
