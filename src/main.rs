//! The `gainsay` binary: parse flags, run, map the outcome to an exit code.

mod cli;

use std::process::ExitCode;

use clap::Parser;

// Extraction makes many small strings (a folded form per word); mimalloc
// serves them faster than the system allocator, from many threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.run() {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`gainsay check ... | head`) is not a failure.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            // An I/O error can name a file, and file names are untrusted.
            cli::print_to_stderr(format_args!(
                "gainsay: {}",
                gainsay::visible::escape(&error.to_string(), gainsay::visible::Layout::Line)
            ));
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
