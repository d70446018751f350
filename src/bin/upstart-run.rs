fn main() -> std::process::ExitCode {
    upstart_tools::cli::unavailable_main("upstart-run", "supervision is issue #6")
}
