fn main() -> std::process::ExitCode {
    upstart_tools::cli::convert_main()
}
