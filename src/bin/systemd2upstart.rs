fn main() -> std::process::ExitCode {
    upstart_tools::cli::unavailable_main("systemd2upstart", "conversion from systemd is issue #5")
}
