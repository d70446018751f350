fn main() -> std::process::ExitCode {
    upstart_tools::cli::unavailable_main("upstart2systemd", "conversion to systemd is issue #4")
}
