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
            eprintln!("gainsay: {error}");
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
