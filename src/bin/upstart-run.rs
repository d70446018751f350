fn main() -> std::process::ExitCode {
    upstart_tools::cli::run_main()
}
